package dev.nnc.cli;

import dev.nnc.cli.conformance.CaseResult;
import dev.nnc.cli.conformance.ConformanceReport;
import dev.nnc.cli.conformance.ConformanceRunner;
import dev.nnc.cli.conformance.TensorComparison;
import dev.nnc.ir.diag.NncException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nnc conformance}: runs ONNX backend-test folders through import and the reference interpreter. */
@Command(name = "conformance", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Run ONNX backend tests (folders with model.onnx and test_data_set_N/) through import and "
                + "the reference interpreter (or --backend cpu), compare with the expected outputs and print a per-operator table "
                + "and the totals 'N passed, N failed, N skipped'.",
            "Floats match when |actual - expected| <= atol + rtol*|expected|; other types must be equal."})
final class ConformanceCommand implements Callable<Integer> {
    /** Exit code when fewer tests pass than {@code --fail-under} asks (1 means an internal error). */
    static final int BELOW_THRESHOLD = 3;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "A test folder, or a folder of test folders (e.g. ../shared/onnx-tests/node).")
    private List<Path> dirs;

    @Option(names = "--rtol", defaultValue = "1e-3", description = "Relative tolerance for floats (default: ${DEFAULT-VALUE}).")
    private double rtol;

    @Option(names = "--atol", defaultValue = "1e-7", description = "Absolute tolerance for floats (default: ${DEFAULT-VALUE}).")
    private double atol;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "Time limit per test; a test over it fails (default: ${DEFAULT-VALUE}).")
    private long timeout;

    @Option(names = {"-v", "--verbose"}, description = "Print every test's result, not only the failures.")
    private boolean verbose;

    @Option(names = "--fail-under", paramLabel = "N",
            description = "Exit with code " + BELOW_THRESHOLD + " when fewer than N tests pass (for scripts).")
    private Long failUnder;

    @Mixin
    private BackendOptions backendOptions;

    @Override
    public Integer call() throws IOException {
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new NncException(d + ": not a folder");
            }
        }
        List<Path> cases = ConformanceRunner.collect(dirs);
        if (cases.isEmpty()) {
            throw new NncException(String.join(", ", dirs.stream().map(Path::toString).toList())
                    + ": no test folders (a test folder holds model.onnx)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConformanceRunner runner = new ConformanceRunner(new TensorComparison(rtol, atol), timeout,
                backendOptions.executor());
        int[] done = {0};
        List<CaseResult> results = runner.runAll(cases, r -> {
            done[0]++;
            if (verbose || !r.passed()) {
                out.println(r.status() + " " + r.name() + (r.reason().isEmpty() ? "" : "  " + r.reason()));
            }
            if (done[0] % 100 == 0) {
                err.println("nnc: conformance: " + done[0] + " of " + cases.size() + " tests run");
            }
        });
        ConformanceReport report = new ConformanceReport(results);
        out.println();
        out.print(report.operatorTable());
        out.println(report.totalsLine());
        long passed = report.count(CaseResult.Status.PASSED);
        if (failUnder != null && passed < failUnder) {
            err.println("nnc: conformance: " + passed + " passed, fewer than --fail-under " + failUnder);
            return BELOW_THRESHOLD;
        }
        return 0;
    }
}
