package dev.nnc.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.cli.conformance.CaseResult;
import dev.nnc.cli.conformance.ConformanceRunner;
import dev.nnc.cli.conformance.TensorComparison;
import dev.nnc.tests.O2;
import dev.nnc.tests.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every ONNX conformance test that passes on the imported model also passes after the -O2 graph
 * pipeline: the passing count after equals the count before. Regressions are listed in
 * {@code target/o2-conformance-<folder>.txt}.
 */
class O2ConformanceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"node", "simple", "pytorch-operator", "lstm"})
    void o2KeepsEveryPassingTest(String folder) throws IOException {
        Path root = TestData.require("onnx-tests/" + folder);
        ConformanceRunner plain = new ConformanceRunner();
        ConformanceRunner optimized = new ConformanceRunner(TensorComparison.ONNX_NODE_TESTS, 120, O2::run);
        int before = 0;
        int after = 0;
        List<String> regressions = new ArrayList<>();
        for (Path dir : ConformanceRunner.collect(List.of(root))) {
            if (plain.run(dir).status() != CaseResult.Status.PASSED) {
                continue;
            }
            before++;
            CaseResult r = optimized.run(dir);
            if (r.status() == CaseResult.Status.PASSED) {
                after++;
            } else {
                regressions.add(r.name() + "  " + r.reason());
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "o2-conformance-" + folder + ".txt"),
                String.join("\n", regressions) + "\npassing before -O2: " + before + ", after: " + after + "\n");
        System.out.println("onnx-tests/" + folder + ": passing before -O2 " + before + ", after " + after);
        assertEquals(before, after, "tests that fail only after -O2: " + regressions);
    }
}
