package dev.nnc.tests.lit;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code // RUN:} command of an IR test file, lit-style:
 * {@code [not] nnc ARGS... [2>&1] [| FileCheck %s [--check-prefix=P | --check-prefixes=P,Q]]}.
 * {@code not} expects exit code 2 (a user error; an internal error, exit 1, always fails);
 * {@code 2>&1} checks stderr after stdout; without {@code | FileCheck} only the exit code counts.
 *
 * @param checkPrefixes null when the output is not piped into FileCheck
 */
public record RunLine(int line, boolean expectFailure, List<String> args, boolean mergeStderr, List<String> checkPrefixes) {

    /** Parses the command text of the RUN line(s) starting at {@code line} of {@code file}. */
    public static RunLine parse(String command, String file, int line) {
        List<String> words = ShellWords.split(command, file, line);
        int pipe = words.indexOf("|");
        List<String> left = pipe < 0 ? words : words.subList(0, pipe);
        List<String> right = pipe < 0 ? null : words.subList(pipe + 1, words.size());
        boolean not = !left.isEmpty() && left.get(0).equals("not");
        List<String> cmd = new ArrayList<>(not ? left.subList(1, left.size()) : left);
        if (cmd.isEmpty() || !cmd.get(0).equals("nnc")) {
            throw bad(file, line, "RUN line must run 'nnc' (optionally after 'not'), got: " + command);
        }
        boolean merge = cmd.remove("2>&1");
        return new RunLine(line, not, List.copyOf(cmd.subList(1, cmd.size())), merge, right == null ? null : prefixes(right, file, line));
    }

    private static List<String> prefixes(List<String> fileCheck, String file, int line) {
        if (fileCheck.size() < 2 || !fileCheck.get(0).equals("FileCheck") || !fileCheck.get(1).equals("%s")) {
            throw bad(file, line, "after '|' expected 'FileCheck %s', got: " + String.join(" ", fileCheck));
        }
        List<String> prefixes = new ArrayList<>();
        for (int i = 2; i < fileCheck.size(); i++) {
            String opt = fileCheck.get(i);
            if (opt.startsWith("--check-prefix=")) {
                prefixes.add(opt.substring("--check-prefix=".length()));
            } else if (opt.startsWith("--check-prefixes=")) {
                prefixes.addAll(List.of(opt.substring("--check-prefixes=".length()).split(",")));
            } else {
                throw bad(file, line, "unsupported FileCheck option '" + opt + "' (use --check-prefix=P or --check-prefixes=P,Q)");
            }
        }
        return prefixes.isEmpty() ? List.of("CHECK") : List.copyOf(prefixes);
    }

    /** The nnc arguments with {@code %s} (the case's file) and {@code %t} (a scratch path) substituted. */
    public List<String> argsFor(String source, String temp) {
        return args.stream().map(a -> a.replace("%s", source).replace("%t", temp)).toList();
    }

    private static IrTestError bad(String file, int line, String message) {
        return new IrTestError(file + ":" + line + ": " + message);
    }
}
