package dev.nnc.passes.instrument;

import dev.nnc.passes.PassRun;
import dev.nnc.passes.PipelineResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code --timing} table: one row per pass run (position, pass, wall time in ms, share of the
 * total, statistics as {@code name=value} sorted by name), then a total row. Column widths
 * depend only on pass names and statistics, so the layout is the same from run to run.
 */
public final class TimingReport {
    private TimingReport() {
    }

    public static String format(PipelineResult result) {
        List<PassRun> runs = result.runs();
        int nameWidth = "total".length();
        for (PassRun r : runs) {
            nameWidth = Math.max(nameWidth, r.step().argument().length());
        }
        int numWidth = Math.max(1, Integer.toString(runs.size()).length());
        String row = "%" + numWidth + "s  %-" + nameWidth + "s  %10s  %6s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(row, "#", "pass", "time (ms)", "%", "statistics"));
        double total = result.totalNanos();
        for (PassRun r : runs) {
            sb.append(String.format(row, r.step().number(), r.step().argument(), millis(r.nanos()),
                    percent(r.nanos(), total), statistics(r.statistics())));
        }
        sb.append(String.format(row, "", "total", millis(result.totalNanos()), percent(result.totalNanos(), total), ""));
        return sb.toString().lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
    }

    private static String millis(long nanos) {
        return String.format("%.3f", nanos / 1e6);
    }

    private static String percent(long nanos, double total) {
        return String.format("%.1f%%", total == 0 ? 0.0 : 100.0 * nanos / total);
    }

    private static String statistics(Map<String, Long> stats) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(stats).forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }
}
