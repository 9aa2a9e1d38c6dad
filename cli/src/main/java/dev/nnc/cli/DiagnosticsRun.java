package dev.nnc.cli;

import dev.nnc.cli.diag.DiagnosticVerifier;
import dev.nnc.cli.io.FileAccess;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.passes.Instrumentation;
import dev.nnc.passes.PassFailure;
import dev.nnc.passes.PassManager;
import dev.nnc.passes.pipeline.Pipeline;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nnc opt FILE.nir --verify-diagnostics}: instead of printing IR, compares what the parser,
 * the verifier and the passes report with the file's {@code // expected-error@+1 {{...}}}
 * comments ({@link DiagnosticVerifier}); exit 0 when they agree exactly, 2 otherwise.
 */
final class DiagnosticsRun {
    private DiagnosticsRun() {
    }

    static int check(Path model, Pipeline pipeline, PassManager manager, PrintWriter err) {
        if (!ModelLoader.isIrText(model)) {
            throw new NncException(model + ": --verify-diagnostics needs IR text (.nir) with expected-error comments");
        }
        ModelLoader.requireFile(model);
        String text = new String(FileAccess.readAll(model), StandardCharsets.UTF_8);
        int code = DiagnosticVerifier.check(text, model.toString(), DialectRegistry.standard(),
                module -> run(pipeline, manager, module), err);
        err.flush();
        return code;
    }

    /** Everything the passes report: warnings of each pass, and the errors of the one that fails. */
    private static List<Diagnostic> run(Pipeline pipeline, PassManager manager, ModuleOp module) {
        List<Diagnostic> reported = new ArrayList<>();
        manager.addInstrumentation(Instrumentation.onEachRun(r -> reported.addAll(r.warnings())));
        try {
            manager.run(pipeline, module);
        } catch (PassFailure f) {
            if (f.crashed()) {
                throw f;
            }
            reported.addAll(f.diagnostics());
        }
        return reported;
    }
}
