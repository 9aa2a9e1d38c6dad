package dev.nnc.cli.conformance;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Developer entry point: {@code java -cp nnc.jar dev.nnc.cli.conformance.ConformanceMain DIR...}
 * prints PASS/FAIL per test with the reason, the per-operator table and the totals.
 */
public final class ConformanceMain {
    private ConformanceMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> dirs = ConformanceRunner.collect(Arrays.stream(args).map(Path::of).toList());
        ConformanceRunner runner = new ConformanceRunner();
        List<CaseResult> results = runner.runAll(dirs, r -> System.out.println(
                (r.passed() ? "PASS " : r.status() == CaseResult.Status.SKIPPED ? "SKIP " : "FAIL ") + r.name()
                        + (r.reason().isEmpty() ? "" : "  " + r.reason())));
        ConformanceReport report = new ConformanceReport(results);
        System.out.print(report.operatorTable());
        System.out.println(report.totalsLine());
    }
}
