package dev.nnc.tests.filecheck;

import dev.nnc.passes.pipeline.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds directives in check-file text: a prefix (not preceded by a letter, digit, {@code _} or
 * {@code -}), an optional {@code -KIND}, a colon, then the pattern to the end of the line. A
 * misspelled kind ({@code CHECK-NXET:}) is an error rather than a silently ignored line.
 */
final class DirectiveParser {
    private static final List<String> KIND_WORDS = List.of("NEXT", "SAME", "NOT", "DAG", "LABEL", "EMPTY", "COUNT");
    private static final Pattern COUNT = Pattern.compile("COUNT-(\\d+)");

    private final Pattern directive;
    private final String file;

    DirectiveParser(List<String> prefixes, String file) {
        for (String p : prefixes) {
            if (!p.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("invalid check prefix '" + p + "'");
            }
        }
        // longest first, so CHECK-O2 wins over CHECK when both are prefixes
        String alternatives = String.join("|", prefixes.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).toList());
        this.directive = Pattern.compile("(?<![A-Za-z0-9_-])(" + alternatives + ")(-[A-Za-z0-9-]+)?:");
        this.file = file;
    }

    /** The directives in {@code text}, whose first line is line {@code firstLine} of the file. */
    List<CheckDirective> parse(String text, int firstLine) {
        List<CheckDirective> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            CheckDirective d = parseLine(lines[i], firstLine + i);
            if (d != null) {
                checkOrder(d, out);
                out.add(d);
            }
        }
        return out;
    }

    private CheckDirective parseLine(String line, int lineNo) {
        Matcher m = directive.matcher(line);
        while (m.find()) {
            String prefix = m.group(1);
            String suffix = m.group(2) == null ? "" : m.group(2).substring(1);
            CheckKind kind = suffix.isEmpty() ? CheckKind.PLAIN : CheckKind.fromWord(suffix);
            int count = 1;
            Matcher c = COUNT.matcher(suffix);
            if (c.matches()) {
                kind = CheckKind.COUNT;
                count = Integer.parseInt(c.group(1));
                if (count < 1) {
                    throw error(lineNo, "invalid count in " + prefix + "-" + suffix + " (must be at least 1)");
                }
            }
            if (kind == null) {
                if (looksLikeTypo(suffix)) {
                    throw error(lineNo, "unknown directive '" + prefix + "-" + suffix + ":' (did you mean one of "
                            + String.join(", ", KIND_WORDS) + "?)");
                }
                continue; // e.g. CHECK-O2: when only CHECK is a prefix of this run
            }
            return directive(kind, prefix, count, line.substring(m.end()).strip(), lineNo);
        }
        return null;
    }

    private CheckDirective directive(CheckKind kind, String prefix, int count, String patternText, int lineNo) {
        String spelled = prefix + kind.suffix();
        if (kind == CheckKind.EMPTY && !patternText.isEmpty()) {
            throw error(lineNo, "found non-empty check string for " + spelled);
        }
        if (kind != CheckKind.EMPTY && patternText.isEmpty()) {
            throw error(lineNo, "found empty check string with prefix '" + spelled + ":'");
        }
        CheckPattern pattern;
        try {
            pattern = CheckPattern.parse(patternText);
        } catch (IllegalArgumentException e) {
            throw error(lineNo, spelled + ": " + e.getMessage());
        }
        if (kind == CheckKind.LABEL && pattern.hasVariables()) {
            throw error(lineNo, spelled + " cannot define or use variables");
        }
        return new CheckDirective(kind, prefix, pattern, count, file, lineNo);
    }

    /** NEXT, SAME and EMPTY need a previous match to be relative to. */
    private void checkOrder(CheckDirective d, List<CheckDirective> before) {
        boolean relative = d.kind() == CheckKind.NEXT || d.kind() == CheckKind.SAME || d.kind() == CheckKind.EMPTY;
        if (relative && before.stream().noneMatch(b -> b.kind().positive())) {
            throw error(d.line(), "found '" + d.spelling() + "' without a previous '" + d.prefix() + ":' line");
        }
    }

    /** An all-letter suffix within two edits of a directive word is a misspelling, not another prefix. */
    private static boolean looksLikeTypo(String suffix) {
        if (!suffix.matches("[A-Za-z]{3,}")) {
            return false;
        }
        String upper = suffix.toUpperCase(java.util.Locale.ROOT);
        return KIND_WORDS.stream().anyMatch(w -> Names.distance(upper, w) <= 2);
    }

    private CheckFileError error(int line, String message) {
        return new CheckFileError(file + ":" + line + ": error: " + message);
    }
}
