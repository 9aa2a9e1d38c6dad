package dev.nnc.tests.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IR test file ({@code .nir}): {@code // RUN:} lines that apply to every case (a line ending
 * in {@code \} continues on the next RUN line), and cases separated by {@code // -----} lines,
 * each run as its own module as with mlir-opt's {@code --split-input-file}. A part with only
 * comments and blank lines is not a case.
 */
public record IrTestFile(String name, List<RunLine> runs, List<IrTestCase> cases) {
    private static final Pattern RUN = Pattern.compile("//\\s*RUN:(.*)$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*//\\s*-----\\s*$");
    private static final Pattern CONTENT = Pattern.compile("^\\s*(//.*)?$");

    public static IrTestFile read(Path path, String name) {
        try {
            return parse(name, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the RUN lines and cases of {@code text}, a file called {@code name}. */
    public static IrTestFile parse(String name, String text) {
        String[] lines = text.split("\\R", -1);
        List<RunLine> runs = new ArrayList<>();
        StringBuilder command = null;
        int commandLine = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RUN.matcher(lines[i]);
            if (!m.find()) {
                if (command != null) {
                    throw new IrTestError(name + ":" + (i + 1) + ": RUN line continued with '\\' but no RUN line follows");
                }
                continue;
            }
            String part = m.group(1).strip();
            if (command == null) {
                command = new StringBuilder();
                commandLine = i + 1;
            }
            if (part.endsWith("\\")) {
                command.append(part, 0, part.length() - 1).append(' ');
                continue;
            }
            runs.add(RunLine.parse(command.append(part).toString(), name, commandLine));
            command = null;
        }
        if (runs.isEmpty()) {
            throw new IrTestError(name + ": no '// RUN:' line");
        }
        return new IrTestFile(name, List.copyOf(runs), split(name, lines));
    }

    private static List<IrTestCase> split(String name, String[] lines) {
        List<IrTestCase> cases = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || SEPARATOR.matcher(lines[i]).matches()) {
                addCase(name, lines, start, i, cases);
                start = i + 1;
            }
        }
        return List.copyOf(cases);
    }

    private static void addCase(String name, String[] lines, int from, int to, List<IrTestCase> cases) {
        boolean hasIr = false;
        for (int i = from; i < to && !hasIr; i++) {
            hasIr = !CONTENT.matcher(lines[i]).matches();
        }
        if (hasIr) {
            cases.add(new IrTestCase(name, from + 1, String.join("\n", java.util.Arrays.asList(lines).subList(from, to)) + "\n"));
        }
    }
}
