package dev.nnc.tests.filecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The output under check with its line starts, so a position can be shown as {@code name:line:col}
 * and as a few numbered lines around it with the line marked and a caret under the column (like
 * FileCheck's "note: scanning from here").
 */
final class OutputText {
    private static final int CONTEXT = 2;

    private final String name;
    private final String text;
    private final int[] lineStarts;

    OutputText(String name, String text) {
        this.name = name;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** 1-based line of a position. */
    int lineOf(int pos) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Position where a 1-based line starts, or -1 when there is no such line. */
    int lineStart(int line) {
        return line >= 1 && line <= lineStarts.length ? lineStarts[line - 1] : -1;
    }

    /** The text of a 1-based line without its newline. */
    String line(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        return text.substring(start, end);
    }

    /** True when line {@code line} exists and ends with a newline (so a line after it exists). */
    boolean hasLineAfter(int line) {
        return line < lineStarts.length;
    }

    int newlinesBetween(int from, int to) {
        return lineOf(to) - lineOf(from);
    }

    /** {@code name:line:col: note: what} followed by the numbered lines around {@code pos}. */
    String note(int pos, String what) {
        int line = lineOf(pos);
        int col = pos - lineStarts[line - 1] + 1;
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(':').append(line).append(':').append(col).append(": note: ").append(what).append('\n');
        if (text.isEmpty()) {
            return sb.append("  (the output is empty)\n").toString();
        }
        int first = Math.max(1, line - CONTEXT);
        int lines = text.endsWith("\n") ? lineStarts.length - 1 : lineStarts.length; // no line after the last newline
        int last = Math.max(line, Math.min(lines, line + CONTEXT));
        int width = String.valueOf(last).length();
        for (int l = first; l <= last; l++) {
            String number = String.format("%" + width + "d", l);
            sb.append(l == line ? "> " : "  ").append(number).append(" | ").append(line(l)).append('\n');
            if (l == line) {
                sb.append(" ".repeat(width + 5 + col - 1)).append("^\n");
            }
        }
        return sb.toString();
    }
}
