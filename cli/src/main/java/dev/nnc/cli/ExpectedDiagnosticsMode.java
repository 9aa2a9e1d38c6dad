package dev.nnc.cli;

import dev.nnc.cli.diag.DiagnosticVerifier;
import dev.nnc.cli.diag.PassDiagnostics;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.passes.pipeline.Pipeline;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code nnc opt FILE.nir --verify-diagnostics}: parses, verifies and runs the pipeline on the
 * file, and compares every diagnostic with the file's {@code expected-error} comments (see
 * {@link DiagnosticVerifier}). Each mismatch is one line on stderr; exit 0 when there are none.
 */
final class ExpectedDiagnosticsMode {
    private ExpectedDiagnosticsMode() {
    }

    static int run(Path model, Pipeline pipeline, PrintWriter err) {
        if (!ModelLoader.isIrText(model)) {
            throw new NncException(model + ": --verify-diagnostics reads the expected diagnostics from an IR text file (.nir)");
        }
        ModelLoader.requireFile(model);
        String text = new String(FileAccess.readAll(model), StandardCharsets.UTF_8);
        DialectRegistry registry = DialectRegistry.standard();
        return DiagnosticVerifier.check(text, model.toString(), registry,
                module -> PassDiagnostics.collect(pipeline, module, registry), err);
    }
}
