package dev.nnc.tests.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.conformance.CaseResult;
import dev.nnc.cli.conformance.ConformanceReport;
import dev.nnc.cli.conformance.ConformanceRunner;
import dev.nnc.cli.conformance.TensorComparison;
import dev.nnc.cli.exec.CpuExecutor;
import dev.nnc.cpu.CpuOptions;
import dev.nnc.tests.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ONNX conformance suites through the CPU backend, with the interpreter fallback on (nodes
 * without a Java lowering run on the interpreter inside the generated class): every test the
 * reference interpreter passes must pass on the CPU backend. Native coverage is counted too: a
 * test passes natively when the CPU backend also passes it with {@code --no-fallback}; that count
 * must not drop below the suite's floor. Both numbers and the failures go to stdout and
 * {@code target/conformance-cpu-SUITE.txt}.
 */
class CpuConformanceTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"node, 1030", "simple, 6", "pytorch-operator, 34", "lstm, 11"})
    void everyTestThatTheInterpreterPassesPassesOnTheCpu(String suite, long nativeFloor) throws IOException {
        Path root = TestData.require("onnx-tests/" + suite);
        List<Path> dirs = ConformanceRunner.collect(List.of(root));
        AtomicBoolean interpreted = new AtomicBoolean();
        ConformanceRunner cpu = new ConformanceRunner(TensorComparison.ONNX_NODE_TESTS, 120,
                new CpuExecutor(new CpuOptions(1, true), null, note -> interpreted.set(true)));
        ConformanceRunner nativeOnly = new ConformanceRunner(TensorComparison.ONNX_NODE_TESTS, 120,
                new CpuExecutor(new CpuOptions(1, false), null));
        ConformanceRunner interp = new ConformanceRunner();
        List<CaseResult> counted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long nativePassed = 0;
        long refused = 0;
        long referenceFails = 0;
        for (Path dir : dirs) {
            if (!interp.run(dir).passed()) {
                referenceFails++;
                continue; // the reference itself does not pass: nothing to compare with
            }
            interpreted.set(false);
            CaseResult onCpu = cpu.run(dir);
            counted.add(onCpu);
            if (onCpu.status() == CaseResult.Status.SKIPPED) {
                refused++;
                failures.add(onCpu.name() + "  refused: " + onCpu.reason());
            } else if (!onCpu.passed()) {
                failures.add(onCpu.name() + "  " + onCpu.reason());
            } else if (!interpreted.get() && nativeOnly.run(dir).passed()) {
                nativePassed++; // no interpreted node: the same source, so the class comes from the cache
            }
        }
        ConformanceReport report = new ConformanceReport(counted);
        long passed = report.count(CaseResult.Status.PASSED);
        String summary = "CPU backend on onnx-tests/" + suite + ": " + passed + " of " + counted.size()
                + " tests that the interpreter passes pass with the interpreter fallback, " + nativePassed
                + " of them natively (no node on the interpreter); " + refused + " refused, "
                + (counted.size() - passed - refused) + " failed; " + referenceFails
                + " not counted (the interpreter fails them)";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "conformance-cpu-" + suite + ".txt"),
                report.operatorTable() + "\n" + String.join("\n", failures) + "\n" + summary + "\n");
        System.out.println(summary);
        assertTrue(failures.isEmpty(), failures.size() + " failed on the CPU backend: " + String.join("; ", failures));
        assertTrue(nativePassed >= nativeFloor, summary + ": native passes below the floor of " + nativeFloor);
    }
}
