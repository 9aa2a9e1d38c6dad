package dev.nnc.cli.diag;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a pipeline for {@code --verify-diagnostics}, collecting what the passes report with its
 * location (the pass manager folds a failure into one line, which would lose the op's line):
 * every diagnostic of every pass, and the verifier's after each pass. Stops at the first pass
 * that reports an error or leaves invalid IR, as the pass manager does. A pass that crashes
 * (throws anything but an NncException) is a bug, and its exception propagates.
 */
public final class PassDiagnostics {
    private PassDiagnostics() {
    }

    public static List<Diagnostic> collect(Pipeline pipeline, ModuleOp module, DialectRegistry registry) {
        List<Diagnostic> out = new ArrayList<>();
        try {
            pipeline.checkStages(IrStage.of(module));
        } catch (NncException e) {
            out.add(DiagnosticVerifier.fromException(e));
            return out;
        }
        for (int i = 0; i < pipeline.size() && !hasError(out); i++) {
            PassContext context = new PassContext(registry);
            try {
                pipeline.get(i).create().run(module, context);
            } catch (NncException e) {
                out.addAll(context.diagnostics());
                if (!hasError(context.diagnostics())) {
                    out.add(DiagnosticVerifier.fromException(e)); // thrown without being reported
                }
                return out;
            }
            out.addAll(context.diagnostics());
            if (!hasError(out)) {
                out.addAll(Verifier.verify(module, registry));
            }
        }
        return out;
    }

    private static boolean hasError(List<Diagnostic> ds) {
        return ds.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
