package dev.nnc.cli.conformance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summaries of a conformance run: a per-operator table and the closing totals line
 * {@code N passed, N failed, N skipped}. An {@code _expanded} test (the op's function body
 * inlined) is counted under the operator of its unexpanded sibling.
 */
public final class ConformanceReport {
    private final List<CaseResult> results;

    public ConformanceReport(List<CaseResult> results) {
        this.results = List.copyOf(results);
    }

    public long count(CaseResult.Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }

    public String totalsLine() {
        return count(CaseResult.Status.PASSED) + " passed, " + count(CaseResult.Status.FAILED) + " failed, "
                + count(CaseResult.Status.SKIPPED) + " skipped";
    }

    /** Operator → {passed, failed, skipped}, sorted by operator. */
    public Map<String, long[]> byOperator() {
        Map<String, String> opOfTest = new HashMap<>();
        for (CaseResult r : results) {
            opOfTest.put(r.name(), r.operator());
        }
        Map<String, long[]> table = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (CaseResult r : results) {
            String op = r.operator();
            int cut = r.name().indexOf("_expanded");
            if (cut > 0 && opOfTest.containsKey(r.name().substring(0, cut))) {
                op = opOfTest.get(r.name().substring(0, cut));
            }
            table.computeIfAbsent(op, k -> new long[3])[r.status().ordinal()]++;
        }
        return table;
    }

    /** The per-operator table as aligned text. */
    public String operatorTable() {
        StringBuilder sb = new StringBuilder(String.format("%-40s %7s %7s %7s%n", "operator", "passed", "failed", "skipped"));
        byOperator().forEach((op, c) -> sb.append(String.format("%-40s %7d %7d %7d%n", abbreviate(op), c[0], c[1], c[2])));
        return sb.toString();
    }

    private static String abbreviate(String op) {
        return op.length() <= 40 ? op : op.substring(0, 37) + "...";
    }
}
