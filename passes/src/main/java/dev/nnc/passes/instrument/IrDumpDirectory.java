package dev.nnc.passes.instrument;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.passes.Instrumentation;
import dev.nnc.passes.PassRun;
import dev.nnc.passes.PassStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the IR after every pass to its own numbered file in a directory: {@code 01-canonicalize.nir},
 * {@code 02-fold-constants.nir}, ... (numbered by position in the pipeline). Each file is valid IR
 * text whose first line is a comment naming the pass. With {@code onlyOnChange} a pass that left
 * the text as it was gets no file.
 */
public final class IrDumpDirectory implements Instrumentation {
    private final Path directory;
    private final boolean onlyOnChange;
    private final Map<Integer, String> textBefore = new HashMap<>();

    public IrDumpDirectory(Path directory, boolean onlyOnChange) {
        this.directory = directory;
        this.onlyOnChange = onlyOnChange;
    }

    /** The file name for a step: zero-padded number (at least 2 digits), dash, pass argument. */
    public static String fileName(PassStep step) {
        int width = Math.max(2, Integer.toString(step.count()).length());
        return String.format("%0" + width + "d-%s.nir", step.number(), step.argument());
    }

    @Override
    public void beforePass(PassStep step, ModuleOp module) {
        if (onlyOnChange) {
            textBefore.put(step.index(), IrPrinter.print(module));
        }
    }

    @Override
    public void afterPass(PassStep step, ModuleOp module, PassRun run) {
        String text = IrPrinter.print(module);
        if (onlyOnChange && text.equals(textBefore.remove(step.index()))) {
            return;
        }
        Path file = directory.resolve(fileName(step));
        String header = "// IR after pass " + step.number() + " of " + step.count() + ": " + step.entry() + "\n";
        try {
            Files.createDirectories(directory);
            Files.writeString(file, header + text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NncException(file + ": cannot write the IR dump: " + e.getMessage());
        }
    }
}
