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
import org.junit.jupiter.api.Test;

/**
 * The ONNX node conformance tests through the CPU backend. A test counts when the CPU backend
 * takes its model (the others are SKIPPED by the runner, naming the op or type) and the reference
 * interpreter passes it; every such test must pass on the CPU backend too, and their number must
 * not drop below the floor. The table and the list are written to {@code target/conformance-cpu-node.txt}.
 */
class CpuConformanceTest {
    /** Node tests the CPU backend passed when this floor was last raised. */
    private static final long FLOOR = 668;

    @Test
    void everySupportedTestThatTheInterpreterPassesPassesOnTheCpu() throws IOException {
        Path root = TestData.require("onnx-tests/node");
        List<Path> dirs = ConformanceRunner.collect(List.of(root));
        ConformanceRunner cpu = new ConformanceRunner(TensorComparison.ONNX_NODE_TESTS, 120,
                new CpuExecutor(new CpuOptions(1), null));
        ConformanceRunner interp = new ConformanceRunner();
        List<CaseResult> counted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long unsupported = 0;
        for (Path dir : dirs) {
            CaseResult onCpu = cpu.run(dir);
            if (onCpu.status() == CaseResult.Status.SKIPPED) {
                unsupported++;
                continue;
            }
            if (!interp.run(dir).passed()) {
                continue; // the reference itself does not pass: nothing to compare with
            }
            counted.add(onCpu);
            if (!onCpu.passed()) {
                failures.add(onCpu.name() + "  " + onCpu.reason());
            }
        }
        ConformanceReport report = new ConformanceReport(counted);
        String summary = "CPU backend on onnx-tests/node: " + report.count(CaseResult.Status.PASSED) + " of " + counted.size()
                + " supported tests that the interpreter passes (" + unsupported + " not supported)";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "conformance-cpu-node.txt"),
                report.operatorTable() + "\n" + String.join("\n", failures) + "\n" + summary + "\n");
        System.out.println(summary);
        assertTrue(failures.isEmpty(), failures.size() + " failed on the CPU backend: " + String.join("; ", failures));
        assertTrue(report.count(CaseResult.Status.PASSED) >= FLOOR, summary + ", below the floor of " + FLOOR);
    }
}
