package dev.nnc.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.conformance.CaseResult;
import dev.nnc.cli.conformance.ConformanceReport;
import dev.nnc.cli.conformance.ConformanceRunner;
import dev.nnc.tests.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ONNX operator conformance suite through import → reference interpreter. Each folder's pass
 * count must not drop below its committed floor in {@code conformance-floor.properties}; the
 * per-operator table, the failures and the totals are written to
 * {@code target/conformance-<folder>.txt} and the totals printed.
 */
class OnnxConformanceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"node", "simple", "pytorch-operator", "lstm"})
    void passCountStaysAboveFloor(String folder) throws IOException {
        Path root = TestData.require("onnx-tests/" + folder);
        List<CaseResult> results = new ConformanceRunner().runAll(ConformanceRunner.collect(List.of(root)), r -> { });
        ConformanceReport report = new ConformanceReport(results);
        StringBuilder text = new StringBuilder(report.operatorTable()).append('\n');
        results.stream().filter(r -> !r.passed())
                .forEach(r -> text.append(r.status()).append(' ').append(r.name()).append("  ").append(r.reason()).append('\n'));
        text.append("onnx-tests/").append(folder).append(": ").append(report.totalsLine()).append('\n');
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "conformance-" + folder + ".txt"), text);
        System.out.println("conformance of onnx-tests/" + folder + ": " + report.totalsLine());
        long passed = report.count(CaseResult.Status.PASSED);
        long floor = floor(folder);
        assertTrue(passed >= floor, "onnx-tests/" + folder + ": " + passed + " passed, below the committed floor of "
                + floor + " (see target/conformance-" + folder + ".txt)");
    }

    private static long floor(String folder) throws IOException {
        Properties p = new Properties();
        try (InputStream in = OnnxConformanceTest.class.getResourceAsStream("/conformance-floor.properties")) {
            p.load(in);
        }
        return Long.parseLong(p.getProperty(folder, "0").strip());
    }
}
