package dev.nnc.cli;

import dev.nnc.cli.diag.DiagnosticVerifier;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
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
 * {@code nnc opt FILE.nir --verify-diagnostics}: parses, verifies and runs the pipeline on the
 * file, and compares every diagnostic with the file's {@code expected-error} comments (see
 * {@link DiagnosticVerifier}). Each mismatch is one line on stderr; exit 0 when there are none.
 * The passes run in the ordinary {@link PassManager}; a failing pass's {@link PassFailure}
 * keeps each diagnostic at its op's line.
 */
final class ExpectedDiagnosticsMode {
    private ExpectedDiagnosticsMode() {
    }

    static int run(Path model, Pipeline pipeline, PassManager manager, PrintWriter err) {
        if (!ModelLoader.isIrText(model)) {
            throw new NncException(model + ": --verify-diagnostics reads the expected diagnostics from an IR text file (.nir)");
        }
        ModelLoader.requireFile(model);
        String text = new String(FileAccess.readAll(model), StandardCharsets.UTF_8);
        int code = DiagnosticVerifier.check(text, model.toString(), DialectRegistry.standard(),
                module -> collect(pipeline, manager, module), err);
        err.flush();
        return code;
    }

    /**
     * Everything the passes report: each pass's warnings, and what the failing one reported. A
     * pass that crashes is a bug: its failure propagates.
     */
    private static List<Diagnostic> collect(Pipeline pipeline, PassManager manager, ModuleOp module) {
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
