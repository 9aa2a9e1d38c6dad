package dev.nnc.tests;

import static dev.nnc.tests.BadInputCliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.hls.report.Report;
import dev.nnc.hls.report.ReportJson;
import dev.nnc.sim.verilator.ProcessResult;
import dev.nnc.sim.verilator.Verilator;
import dev.nnc.sim.verilator.VerilatorBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code nnc compile --target fpga|asic} on the shared models: the build folder of
 * docs/hardware.md §6, RTL that passes {@code verilator --lint-only -Wall}, a testbench that
 * {@code verilator --binary} builds and runs, identical bytes on a second compile, and one-line
 * errors that leave nothing behind.
 */
class FpgaCompileTest {
    @TempDir
    Path dir;

    private NncRun compile(String model, Path out, String... extra) {
        Path onnx = TestData.require("models/" + model + "/model.onnx");
        List<String> args = new ArrayList<>(List.of("compile", onnx.toString(), "--target", "fpga", "--calib-random", "2",
                "-o", out.toString()));
        args.addAll(List.of(extra));
        BadInputCliTest.Run r = nnc(args.toArray(String[]::new));
        return new NncRun(r.code(), r.out(), r.err());
    }

    record NncRun(int code, String out, String err) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"jet_tagger", "mnist8", "conv2d_small", "residual_block"})
    void compilesToTheBuildFolderWithLintCleanRtl(String model) throws IOException {
        Path out = dir.resolve("build");
        NncRun r = compile(model, out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("top module " + model), r.out());
        for (String f : List.of("design.nir", "kernel.nir", "report.json", "report.txt", "rtl/" + model + ".sv",
                "tb/tb_" + model + ".sv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        Report report = ReportJson.read(Files.readString(out.resolve("report.json")));
        assertEquals("xc7z020", report.device());
        assertFalse(report.layers().isEmpty());
        assertTrue(report.iiCycles() > 0 && report.latencyCycles() > 0, "estimate: " + report);
        assertEquals(1, report.streams().inputs().size());
        for (String src : report.files().sources()) {
            assertTrue(Files.isRegularFile(out.resolve(src)), src);
        }
        for (String mem : report.files().memoryFiles()) {
            assertTrue(Files.isRegularFile(out.resolve(mem)), mem);
        }
        assertTrue(Files.readString(out.resolve("report.txt")).contains("initiation interval"));
        Assumptions.assumeTrue(Verilator.available(), "verilator not on PATH: the lint check needs Verilator 5.x");
        List<String> lint = Verilator.find().lint(svFiles(out.resolve("rtl")), model);
        assertEquals(List.of(), lint, "verilator --lint-only -Wall on rtl/");
    }

    @Test
    void compilingTwiceGivesTheSameBytesButForTheCompileTime() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, compile("conv2d_small", a).code());
        assertEquals(0, compile("conv2d_small", b).code());
        List<String> files = relativeFiles(a);
        assertEquals(files, relativeFiles(b));
        for (String f : files) {
            byte[] x = Files.readAllBytes(a.resolve(f));
            byte[] y = Files.readAllBytes(b.resolve(f));
            if (f.startsWith("report.")) {
                assertEquals(withoutCompileTime(x), withoutCompileTime(y), f);
            } else {
                assertArrayEquals(x, y, f);
            }
        }
    }

    @Test
    void theTestbenchBuildsOnVerilatorAndWritesEveryOutputBeatWithItsCycle() throws IOException {
        Assumptions.assumeTrue(Verilator.available(), "verilator not on PATH: the testbench needs Verilator 5.x");
        Path out = dir.resolve("build");
        assertEquals(0, compile("jet_tagger", out).code());
        Report report = ReportJson.read(Files.readString(out.resolve("report.json")));
        var in = report.streams().inputs().get(0);
        var output = report.streams().outputs().get(0);
        int frames = 3;
        Random rnd = new Random(7);
        StringBuilder hex = new StringBuilder();
        int digits = (in.lanes() * in.elementBits() + 3) / 4;
        for (long i = 0; i < frames * in.beatsPerFrame(); i++) {
            StringBuilder beat = new StringBuilder();
            for (int d = 0; d < digits; d++) {
                beat.append(Character.forDigit(rnd.nextInt(16), 16));
            }
            hex.append(beat).append('\n');
        }
        Files.writeString(out.resolve("tb").resolve(in.file()), hex);
        Verilator v = Verilator.find();
        List<Path> sources = svFiles(out.resolve("rtl"));
        sources.add(out.resolve(report.files().testbench()));
        Path binary = v.build(VerilatorBuild.of(sources, report.files().testbenchTop(), dir.resolve("obj")));
        ProcessResult run = v.run(binary, out.resolve(report.files().runDirectory()), List.of(), Duration.ofMinutes(5));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        List<String> lines = Files.readAllLines(out.resolve("tb").resolve(output.file()));
        assertEquals(frames * output.beatsPerFrame() + 1, lines.size(), String.join("\n", lines));
        long previous = -1;
        for (String line : lines.subList(0, lines.size() - 1)) {
            String[] parts = line.split(" ");
            long cycle = Long.parseLong(parts[0]);
            assertTrue(cycle > previous, "cycles increase: " + lines);
            assertEquals((output.lanes() * output.elementBits() + 3) / 4, parts[1].length(), line);
            previous = cycle;
        }
        assertEquals("cycles " + (previous + 1), lines.get(lines.size() - 1));
    }

    @Test
    void asicUsesTheGenericDeviceAndTheSameRtl() throws IOException {
        Path fpga = dir.resolve("fpga");
        Path asic = dir.resolve("asic");
        assertEquals(0, compile("jet_tagger", fpga).code());
        Path onnx = TestData.require("models/jet_tagger/model.onnx");
        BadInputCliTest.Run r = nnc("compile", onnx.toString(), "--target", "asic", "--calib-random", "2", "-o", asic.toString());
        assertEquals(0, r.code(), r.err());
        Report report = ReportJson.read(Files.readString(asic.resolve("report.json")));
        assertEquals("asic", report.device());
        assertTrue(report.asic());
        assertTrue(Files.readString(asic.resolve("report.txt")).contains("kGE"));
        assertTrue(Files.isRegularFile(asic.resolve("rtl/jet_tagger.sv")));
        BadInputCliTest.assertOneLineError(nnc("compile", onnx.toString(), "--target", "asic", "--device", "xc7z020",
                "-o", dir.resolve("x").toString()), List.of("asic", "xc7z020"));
    }

    @Test
    void anOpThatCannotBeLoweredIsOneLineAndWritesNothing() throws IOException {
        Path model = dir.resolve("sub.nir");
        Files.writeString(model, """
                "builtin.module"() <{opset = 13}> ({
                  "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
                  ^bb0(%x: tensor<1x4xf32>):
                    %q = "q.quantize"(%x) : (tensor<1x4xf32>) -> tensor<1x4xfixed<8,4>>
                    %s = "onnx.Sub"(%q, %q) : (tensor<1x4xfixed<8,4>>, tensor<1x4xfixed<8,4>>) -> tensor<1x4xfixed<9,5>> loc("minus")
                    %y = "q.dequantize"(%s) : (tensor<1x4xfixed<9,5>>) -> tensor<1x4xf32>
                    "func.return"(%y) : (tensor<1x4xf32>) -> ()
                  }) : () -> ()
                }) : () -> ()
                """);
        Path out = dir.resolve("out");
        BadInputCliTest.assertOneLineError(nnc("compile", model.toString(), "--target", "fpga", "-o", out.toString()),
                List.of("cannot lower to hardware", "onnx.Sub", "minus"));
        assertEquals(List.of("sub.nir"), relativeFiles(dir), "nothing else written");
    }

    @Test
    void aFolderThatIsNotABuildIsNeverReplaced() throws IOException {
        Path out = dir.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "keep me");
        NncRun r = compile("jet_tagger", out);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("not an nnc build folder"), r.err());
        assertEquals("keep me", Files.readString(out.resolve("notes.txt")));
        assertEquals(List.of("mine/notes.txt"), relativeFiles(dir));
    }

    @Test
    void badHardwareOptionsAreOneLine() {
        Path onnx = TestData.require("models/jet_tagger/model.onnx");
        String out = dir.resolve("b").toString();
        BadInputCliTest.assertOneLineError(nnc("compile", onnx.toString(), "--target", "fpga", "--clock", "fast", "-o", out),
                List.of("--clock", "fast"));
        BadInputCliTest.assertOneLineError(nnc("compile", onnx.toString(), "--target", "fpga", "--device", "xc9999", "-o", out),
                List.of("xc9999", "xc7z020"));
        BadInputCliTest.assertOneLineError(nnc("compile", onnx.toString(), "--target", "fpga", "--type", "fixed<16,6>",
                "--bits", "8", "-o", out), List.of("--type", "--bits"));
        BadInputCliTest.assertOneLineError(nnc("compile", onnx.toString(), "--target", "cpu", "--bits", "8",
                "-o", dir.resolve("m.jar").toString()), List.of("--bits", "cpu"));
        BadInputCliTest.assertOneLineError(nnc("compile", onnx.toString(), "--target", "fpga", "-O2", "-o", out),
                List.of("-O", "--pass-pipeline"));
    }

    private static List<Path> svFiles(Path rtl) throws IOException {
        try (Stream<Path> s = Files.list(rtl)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".sv")).sorted().toList());
        }
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** The report without its one run-dependent field. */
    private static String withoutCompileTime(byte[] report) {
        return new String(report, java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\"compile_time_ms\" : \\d+", "")
                .replaceAll("compile time [0-9.]+ s", "");
    }
}
