package dev.nnc.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fold pass's II estimate against the cycle simulator's measurement (issue 4: within 5 %):
 * {@code nnc compile --target fpga} then {@code nnc sim --frames 4} on the real models (measured
 * here: equal on all four).
 */
class FoldEstimateSimTest {
    private static final Pattern ESTIMATE = Pattern.compile("\"ii_cycles\"\\s*:\\s*(\\d+)");
    private static final Pattern MEASURED = Pattern.compile("II ([0-9.]+) cycles");

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> estimatedIiIsWithinFivePercentOfTheSimulatedIi() {
        return HardwareModels.tests(m -> true, FoldEstimateSimTest::check);
    }

    private static void check(HardwareModels.Model m) throws IOException {
        Path dir = TestData.require("models/" + m.name());
        Path build = tmp.resolve(m.name());
        List<String> args = new ArrayList<>(List.of("compile", dir.resolve("model.onnx").toString(), "--target=fpga",
                "--device=xc7z020", "-o", build.toString()));
        args.addAll(m.quantize());
        HardwareModels.nnc(args);
        Matcher e = ESTIMATE.matcher(Files.readString(build.resolve("report.json")));
        assertTrue(e.find(), "report.json has ii_cycles");
        long estimate = Long.parseLong(e.group(1));
        String out = HardwareModels.nnc(List.of("sim", build.toString(), "--frames=4", "-i",
                dir.resolve("test_data_set_0").resolve("input_0.pb").toString()));
        Matcher s = MEASURED.matcher(out);
        assertTrue(s.find(), out);
        double measured = Double.parseDouble(s.group(1));
        assertTrue(Math.abs(measured - estimate) <= 0.05 * estimate,
                m.name() + ": estimated II " + estimate + " cycles, simulated " + measured);
        assertTrue(out.contains("match"), out);
    }
}
