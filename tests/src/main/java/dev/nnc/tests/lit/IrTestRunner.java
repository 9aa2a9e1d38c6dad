package dev.nnc.tests.lit;

import dev.nnc.cli.Main;
import dev.nnc.tests.filecheck.CheckFailure;
import dev.nnc.tests.filecheck.FileCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs one case of an IR test file in-process: writes the case to a file of the same name in a
 * scratch folder (padded so its lines keep their numbers), runs each RUN line's {@code nnc}
 * command on it through {@link Main#execute}, checks the exit code and, when the RUN line pipes
 * into FileCheck, the output against the case's CHECK lines. The scratch path is replaced by the
 * test file's name in the output, so CHECK lines and failures name {@code passes/cse.nir:14:5}.
 */
public final class IrTestRunner {
    /** The command under test: {@code nnc args} with the given streams, returning the exit code. */
    @FunctionalInterface
    public interface Tool {
        int run(PrintWriter out, PrintWriter err, String... args);
    }

    private static final int USER_ERROR = 2;
    private static final int MAX_SHOWN_LINES = 60;
    private static final Pattern EXPECTED_DIAGNOSTIC = Pattern.compile("expected-(error|warning|note)\\b");

    private final Tool tool;

    public IrTestRunner() {
        this(Main::execute);
    }

    public IrTestRunner(Tool tool) {
        this.tool = tool;
    }

    /** Runs every RUN line of {@code file} on {@code c} in {@code scratch}; throws AssertionError on failure. */
    public void run(IrTestFile file, IrTestCase c, Path scratch) {
        requireSomeRunChecks(file, c);
        Path source = scratch.resolve(Path.of(c.fileName()).getFileName().toString());
        write(source, c.paddedText());
        for (int i = 0; i < file.runs().size(); i++) {
            RunLine run = file.runs().get(i);
            String temp = scratch.resolve("t").toString(); // shared by the RUN lines, as in lit
            List<String> args = run.argsFor(source.toString(), temp);
            runOne(c, run, args, withReproducerIn(scratch, args), source.toString());
        }
    }

    /** Runs {@code actualArgs}; messages show {@code args}, the command as the RUN line wrote it. */
    private void runOne(IrTestCase c, RunLine run, List<String> args, List<String> actualArgs, String sourcePath) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = tool.run(o, e, actualArgs.toArray(String[]::new));
        }
        String stdout = out.toString().replace(sourcePath, c.fileName());
        String stderr = err.toString().replace(sourcePath, c.fileName());
        String context = "RUN line " + c.fileName() + ":" + run.line() + ": " + (run.expectFailure() ? "not " : "")
                + "nnc " + String.join(" ", args).replace(sourcePath, c.fileName());
        if (run.expectFailure() ? code != USER_ERROR : code != 0) {
            throw new AssertionError(c.displayName() + ": expected exit code " + (run.expectFailure() ? USER_ERROR : 0)
                    + ", got " + code + "\n" + context + "\n--- stderr:\n" + shown(stderr) + "--- stdout:\n" + shown(stdout));
        }
        if (run.checkPrefixes() == null) {
            return;
        }
        FileCheck checks = FileCheck.parse(c.text(), c.fileName(), c.firstLine(), run.checkPrefixes());
        if (checks.isEmpty()) {
            throw new IrTestError(c.displayName() + ": no " + String.join("/", run.checkPrefixes())
                    + " lines in this case, but " + context + " pipes into FileCheck");
        }
        String output = run.mergeStderr() ? stdout + stderr : stdout;
        try {
            checks.check(output, "output");
        } catch (CheckFailure f) {
            throw new AssertionError(f.getMessage() + "\n" + context + "\n--- output:\n" + shown(output), f);
        }
    }

    /**
     * A failing pass makes {@code nnc opt} (and {@code import}) write a crash reproducer, by
     * default into the working directory, which in-process is the source tree: send it to the
     * case's scratch folder unless the RUN line chose a file.
     */
    private static List<String> withReproducerIn(Path scratch, List<String> args) {
        boolean pipelineCommand = !args.isEmpty() && (args.get(0).equals("opt") || args.get(0).equals("import"));
        if (!pipelineCommand || args.stream().anyMatch(a -> a.startsWith("--crash-reproducer"))) {
            return args;
        }
        List<String> out = new ArrayList<>(args);
        out.add(1, "--crash-reproducer=" + scratch.resolve("crash-reproducer.nir"));
        return out;
    }

    /**
     * CHECK lines in a case that no RUN line feeds to FileCheck would never be checked, and
     * expected-error comments without a {@code --verify-diagnostics} run would never be compared.
     */
    private static void requireSomeRunChecks(IrTestFile file, IrTestCase c) {
        boolean verifies = file.runs().stream().anyMatch(r -> r.args().contains("--verify-diagnostics"));
        if (!verifies && EXPECTED_DIAGNOSTIC.matcher(c.text()).find()) {
            throw new IrTestError(c.displayName() + ": has expected-error/warning/note comments but no RUN line"
                    + " has --verify-diagnostics");
        }
        boolean checked = file.runs().stream().anyMatch(r -> r.checkPrefixes() != null);
        if (!checked && !FileCheck.parse(c.text(), c.fileName(), c.firstLine(), List.of(FileCheck.DEFAULT_PREFIX)).isEmpty()) {
            throw new IrTestError(c.displayName() + ": has CHECK lines but no RUN line pipes into 'FileCheck %s'");
        }
    }

    private static String shown(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() <= MAX_SHOWN_LINES) {
            return text.endsWith("\n") || text.isEmpty() ? text : text + "\n";
        }
        return String.join("\n", lines.subList(0, MAX_SHOWN_LINES)) + "\n... (" + (lines.size() - MAX_SHOWN_LINES)
                + " more lines)\n";
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
