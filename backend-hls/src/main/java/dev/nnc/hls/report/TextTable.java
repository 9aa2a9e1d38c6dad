package dev.nnc.hls.report;

import java.util.ArrayList;
import java.util.List;

/** Lays out rows of cells as aligned text columns; {@code align} has one {@code L} or {@code R} per column. */
final class TextTable {
    private TextTable() {
    }

    static List<String> format(String align, List<List<String>> rows) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        List<String> out = new ArrayList<>();
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < r.size(); c++) {
                String cell = r.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                sb.append(c == 0 ? "" : "  ");
                if (align.charAt(c) == 'L') {
                    sb.append(cell).append(pad);
                } else {
                    sb.append(pad).append(cell);
                }
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }
}
