package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.Main;
import dev.nnc.cli.io.Npy;
import dev.nnc.cli.io.TensorFileReader;
import dev.nnc.hls.report.Report;
import dev.nnc.hls.report.ReportJson;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.sim.BitComparison;
import dev.nnc.sim.ComponentRegistry;
import dev.nnc.sim.CycleEngine;
import dev.nnc.sim.HostSimulation;
import dev.nnc.sim.HwDesign;
import dev.nnc.sim.Reference;
import dev.nnc.sim.SinkTrace;
import dev.nnc.sim.engine.SimOptions;
import dev.nnc.sim.verilator.Verilator;
import dev.nnc.tests.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole models through the hardware flow: {@code nnc compile --target fpga}, then every reference
 * input of {@code models/<m>/test_data_set_*} as back-to-back frames of one {@code nnc sim --engine
 * both} run (one Verilator build per model). Asserts what docs/hardware.md §5 promises: the
 * Verilator outputs equal the fixed interpreter's bit for bit, its (cycle, beat) trace and total
 * cycles equal the cycle simulator's, also with every component clocked every cycle (which
 * exposes a wrong {@code Component.idle()}), the measured II is within 5 % of the fold estimate
 * in report.json, and the emitted RTL passes {@code verilator --lint-only -Wall}.
 */
class ModelCosimTest {
    /** The measured II may differ from the fold estimate by this fraction. */
    private static final double II_TOLERANCE = 0.05;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jet_tagger     | --type fixed<16,6>",
        "mnist8         | --bits 8 --per-channel",
        "conv2d_small   | --bits 8 --per-channel",
        "residual_block | --bits 8 --per-channel"})
    void verilatorEqualsCycleSimulatorAndFixedInterpreter(String model, String quantization) throws IOException {
        Path folder = TestData.require("models/" + model);
        Assumptions.assumeTrue(Verilator.available(), "verilator not on PATH: model co-simulation needs Verilator 5.x");
        long t0 = System.nanoTime();
        List<Tensor> inputs = referenceInputs(folder);
        Path calib = calibrationFolder(inputs);
        Path build = dir.resolve("build");
        List<String> args = new ArrayList<>(List.of("compile", folder.resolve("model.onnx").toString(), "--target", "fpga",
                "--calib", calib.toString(), "-o", build.toString()));
        args.addAll(List.of(quantization.split(" ")));
        Run compile = nnc(args);
        assertEquals(0, compile.code(), compile.err());
        long t1 = System.nanoTime();

        List<String> lint = Verilator.find().lint(svFiles(build.resolve("rtl")), model);
        assertEquals(List.of(), lint, "verilator --lint-only -Wall on the emitted rtl/");
        long t2 = System.nanoTime();

        Path frames = dir.resolve("frames.npy");
        Npy.write(frames, stack(inputs));
        Run sim = nnc(List.of("sim", build.toString(), "--engine", "both", "-i", frames.toString()));
        long t3 = System.nanoTime();
        assertEquals(0, sim.code(), "nnc sim --engine both:\n" + sim.out() + sim.err());
        assertFalse(sim.out().contains("MISMATCH") || sim.out().contains("!="), sim.out());
        assertTrue(sim.out().contains("verilator vs fixed interpreter (kernel.nir)"), sim.out());
        assertTrue(sim.out().contains("verilator: " + inputs.size() + " frames"), sim.out());

        ModuleOp hwModule = IrParser.parse(Files.readString(build.resolve("design.nir")), "design.nir");
        ModuleOp kernel = IrParser.parse(Files.readString(build.resolve("kernel.nir")), "kernel.nir");
        HwDesign design = HwDesign.of(hwModule);
        List<Map<String, Tensor>> frameInputs = new ArrayList<>();
        String input = design.function().inputNames().get(0);
        for (Tensor t : inputs) {
            frameInputs.add(Map.of(input, t));
        }
        HostSimulation host = new HostSimulation(design);
        HostSimulation.Outcome cycle = host.run(new CycleEngine(ComponentRegistry.standard(), SimOptions.DEFAULT), frameInputs);
        HostSimulation.Outcome clockAll = host.run(
                new CycleEngine(ComponentRegistry.standard(), SimOptions.DEFAULT.withClockAll(true)), frameInputs);
        List<Map<String, Tensor>> expected = Reference.fixedOutputs(kernel, frameInputs);
        for (BitComparison c : BitComparison.compare(cycle.fixedOutputs(), expected)) {
            assertTrue(c.matches(), "cycle simulator vs fixed interpreter: " + c);
        }
        List<SinkTrace> verilator = VerilatorTraces.read(build, design);
        long verilatorCycles = VerilatorTraces.cycles(build);
        assertTraces("verilator", verilator, verilatorCycles, cycle.run().traces(), cycle.run().cycles());
        assertTraces("cycle simulator clocking every component", clockAll.run().traces(), clockAll.run().cycles(),
                cycle.run().traces(), cycle.run().cycles());
        for (int s = 0; s < verilator.size(); s++) {
            assertEquals(inputs.size() * (verilator.get(s).size() / inputs.size()), verilator.get(s).size(),
                    "beats of every frame at " + verilator.get(s).name());
        }

        Report report = ReportJson.read(Files.readString(build.resolve("report.json")));
        double ii = cycle.run().initiationInterval();
        System.out.printf(Locale.ROOT, "ModelCosimTest %s: %d frames, %d cycles, II estimate %d, measured %.1f (%+.2f %%); "
                        + "compile %.1f s, lint %.1f s, nnc sim --engine both %.1f s, total %.1f s%n",
                model, inputs.size(), cycle.run().cycles(), report.iiCycles(), ii, 100 * (ii / report.iiCycles() - 1),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t0) / 1e9);
        assertTrue(Math.abs(ii - report.iiCycles()) <= II_TOLERANCE * report.iiCycles(),
                "measured II " + ii + " vs estimate " + report.iiCycles() + " in report.json");
    }

    /** {@code actual} equals {@code reference} beat for beat, cycle for cycle, and in total cycles. */
    private static void assertTraces(String what, List<SinkTrace> actual, long actualCycles, List<SinkTrace> reference,
            long referenceCycles) {
        assertEquals(reference.size(), actual.size(), what + ": outputs");
        for (int s = 0; s < reference.size(); s++) {
            SinkTrace a = actual.get(s);
            SinkTrace r = reference.get(s);
            int d = a.firstDifference(r);
            assertEquals(-1, d, () -> what + " vs cycle simulator at " + r.name() + ", beat " + d + ": " + a.describe(d)
                    + " vs " + r.describe(d));
            assertTrue(r.size() > 0, r.name() + " received no beats");
        }
        assertEquals(referenceCycles, actualCycles, what + ": total cycles");
    }

    /** Input 0 of every {@code test_data_set_N}, in order of N. */
    private static List<Tensor> referenceInputs(Path folder) throws IOException {
        List<Path> sets;
        try (Stream<Path> s = Files.list(folder)) {
            sets = s.filter(p -> p.getFileName().toString().startsWith("test_data_set_"))
                    .sorted((a, b) -> Integer.compare(setIndex(a), setIndex(b))).toList();
        }
        Assumptions.assumeFalse(sets.isEmpty(), folder + " has no test_data_set_*");
        List<Tensor> out = new ArrayList<>();
        for (Path set : sets) {
            out.add(TensorFileReader.readOne(set.resolve("input_0.pb")));
        }
        return out;
    }

    private static int setIndex(Path p) {
        return Integer.parseInt(p.getFileName().toString().substring("test_data_set_".length()));
    }

    /** A folder of the reference inputs: the design is calibrated on the data it then simulates. */
    private Path calibrationFolder(List<Tensor> inputs) {
        Path calib = CosimFiles.prepare(dir.resolve("calib"));
        for (int i = 0; i < inputs.size(); i++) {
            Npy.write(calib.resolve(String.format(Locale.ROOT, "sample_%02d.npy", i)), inputs.get(i));
        }
        return calib;
    }

    /** The frames {@code [1, ...]} × N as one {@code [N, ...]} tensor. */
    static Tensor stack(List<Tensor> frames) {
        Tensor first = frames.get(0);
        int[] shape = first.shape().clone();
        shape[0] = frames.size();
        int per = first.size();
        double[] all = new double[per * frames.size()];
        for (int f = 0; f < frames.size(); f++) {
            System.arraycopy(frames.get(f).doubles(), 0, all, f * per, per);
        }
        return Tensor.ofDoubles(first.elementType(), shape, all);
    }

    static List<Path> svFiles(Path rtl) throws IOException {
        try (Stream<Path> s = Files.list(rtl)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".sv")).sorted().toList());
        }
    }

    record Run(int code, String out, String err) {
    }

    /** The real command line entry point, in process. */
    static Run nnc(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
