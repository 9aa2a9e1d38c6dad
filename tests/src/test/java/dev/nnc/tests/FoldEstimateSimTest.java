package dev.nnc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * {@code nnc compile --target fpga} then {@code nnc sim --frames 4} on the real models.
 * residual_block is not here yet: its skip FIFO (one frame, from size-fifos) throttles the
 * design to about twice the estimate (with a two-frame skip FIFO it measures the estimate exactly).
 */
class FoldEstimateSimTest {
    private static final Pattern ESTIMATE = Pattern.compile("\"ii_cycles\"\\s*:\\s*(\\d+)");
    private static final Pattern MEASURED = Pattern.compile("II ([0-9.]+) cycles");

    @TempDir
    static Path tmp;

    private static final List<String[]> MODELS = List.of(
            new String[] {"jet_tagger", "--type=fixed<16,6>"},
            new String[] {"mnist8", "--bits=8", "--per-channel", "--calib-random=8"},
            new String[] {"conv2d_small", "--bits=8", "--calib-random=8"});

    @TestFactory
    Stream<DynamicTest> estimatedIiIsWithinFivePercentOfTheSimulatedIi() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] m : MODELS) {
            tests.add(DynamicTest.dynamicTest(m[0], () -> check(m)));
        }
        return tests.stream();
    }

    private static void check(String[] m) throws IOException {
        Path dir = TestData.require("models/" + m[0]);
        Path build = tmp.resolve(m[0]);
        List<String> args = new ArrayList<>(List.of("compile", dir.resolve("model.onnx").toString(), "--target=fpga",
                "--device=xc7z020", "-o", build.toString()));
        args.addAll(List.of(m).subList(1, m.length));
        run(args);
        Matcher e = ESTIMATE.matcher(Files.readString(build.resolve("report.json")));
        assertTrue(e.find(), "report.json has ii_cycles");
        long estimate = Long.parseLong(e.group(1));
        String out = run(List.of("sim", build.toString(), "--frames=4", "-i",
                dir.resolve("test_data_set_0").resolve("input_0.pb").toString()));
        Matcher s = MEASURED.matcher(out);
        assertTrue(s.find(), out);
        double measured = Double.parseDouble(s.group(1));
        assertTrue(Math.abs(measured - estimate) <= 0.05 * estimate,
                m[0] + ": estimated II " + estimate + " cycles, simulated " + measured);
        assertTrue(out.contains("match"), out);
    }

    private static String run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new)),
                String.join(" ", args) + "\n" + err);
        return out.toString();
    }
}
