package dev.nnc.passes;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.text.IrParser;
import dev.nnc.passes.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where and how a failing pass's input is saved: the IR text before the pass, under a first line
 * {@code // nnc-reproducer: pipeline=<failing pass and the rest>}. The file is valid IR text, so
 * {@code nnc opt --run-reproducer FILE} (or any IR reader) takes it as is.
 *
 * @param file      the file to write, or null to write {@code nnc-crash-<pass>.nir} in {@code directory}
 * @param directory where the default-named file goes
 */
public record CrashReproducer(Path file, Path directory) {
    public static final String HEADER = "// nnc-reproducer: pipeline=";

    /** Files named {@code nnc-crash-<pass>.nir} in {@code directory}. */
    public static CrashReproducer inDirectory(Path directory) {
        return new CrashReproducer(null, directory);
    }

    /** Always this file. */
    public static CrashReproducer toFile(Path file) {
        return new CrashReproducer(file, null);
    }

    /** The file for a failure of {@code pass}. */
    public Path fileFor(String pass) {
        return file != null ? file : directory.resolve("nnc-crash-" + pass + ".nir");
    }

    /** The text of a reproducer. */
    public static String text(Pipeline rest, String irBefore) {
        return HEADER + rest + "\n" + irBefore;
    }

    /** Writes the reproducer for {@code pass}; returns the file. */
    public Path write(String pass, Pipeline rest, String irBefore) throws IOException {
        Path target = fileFor(pass);
        Files.writeString(target, text(rest, irBefore), StandardCharsets.UTF_8);
        return target;
    }

    /** The pipeline text and IR text of a reproducer file's content. */
    public record Contents(String pipeline, String ir) {
    }

    /** Splits a reproducer's text; {@code fileName} names it in the error for anything else. */
    public static Contents read(String text, String fileName) {
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).stripTrailing();
        if (!first.startsWith(HEADER)) {
            throw new NncException(fileName + ": not a crash reproducer (its first line must start with '"
                    + HEADER + "')");
        }
        // the header stays in the IR text: it is a comment, and keeps line numbers right
        return new Contents(first.substring(HEADER.length()).strip(), text);
    }

    /** A reproducer ready to replay: the module before the failing pass and the pipeline from it on. */
    public record Replay(Pipeline pipeline, ModuleOp module) {
    }

    /** Reads a reproducer's text into a pipeline (against {@code registry}) and a module. */
    public static Replay load(String text, String fileName, PassRegistry registry) {
        Contents c = read(text, fileName);
        Pipeline p;
        try {
            p = Pipeline.parse(c.pipeline(), registry);
        } catch (NncException e) {
            throw new NncException(fileName + ": " + e.getMessage());
        }
        return new Replay(p, IrParser.parse(c.ir(), fileName));
    }
}
