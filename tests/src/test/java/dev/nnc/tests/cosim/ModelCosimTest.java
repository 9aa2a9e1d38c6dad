package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.Main;
import dev.nnc.cli.io.TensorFileReader;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.TensorType;
import dev.nnc.sim.BitComparison;
import dev.nnc.sim.CycleEngine;
import dev.nnc.sim.Frames;
import dev.nnc.sim.HostSimulation;
import dev.nnc.sim.HwDesign;
import dev.nnc.sim.Reference;
import dev.nnc.sim.SinkTrace;
import dev.nnc.sim.VerilatorEngine;
import dev.nnc.sim.verilator.Verilator;
import dev.nnc.tests.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole models down the ladder (docs/hardware.md §5): {@code nnc compile --target fpga}, then the
 * reference inputs run back to back through the cycle simulator and through the emitted RTL on
 * Verilator. The two traces (every output beat with its cycle) must be identical, and the raw
 * fixed outputs of both must equal the fixed interpreter's run of kernel.nir bit for bit.
 */
class ModelCosimTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1} frames")
    @CsvSource({"jet_tagger, 5", "conv2d_small, 3", "mnist8, 3", "residual_block, 1"})
    void verilatorEqualsTheCycleSimulatorAndTheFixedInterpreter(String model, int frames) throws IOException {
        Path folder = TestData.require("models/" + model);
        Assumptions.assumeTrue(Verilator.available(), "verilator is not on PATH: whole-model co-simulation needs Verilator 5.x");
        Path build = dir.resolve("build");
        compile(folder.resolve("model.onnx"), build);

        ModuleOp design = IrParser.parse(Files.readString(build.resolve("design.nir")), "design.nir");
        HwDesign hw = HwDesign.of(design);
        List<Map<String, Tensor>> inputs = inputs(folder, hw, frames);

        HostSimulation host = new HostSimulation(hw);
        HostSimulation.Outcome cycle = host.run(new CycleEngine(), inputs);
        HostSimulation.Outcome rtl = host.run(new VerilatorEngine(build), inputs);

        assertEquals(cycle.run().cycles(), rtl.run().cycles(), "total cycles");
        for (int s = 0; s < cycle.run().traces().size(); s++) {
            SinkTrace a = cycle.run().traces().get(s);
            SinkTrace b = rtl.run().traces().get(s);
            int d = a.firstDifference(b);
            assertEquals(-1, d, () -> a.name() + ": first difference at beat " + d + ": cycle simulator " + a.describe(d)
                    + ", Verilator " + b.describe(d));
        }
        ModuleOp kernel = IrParser.parse(Files.readString(build.resolve("kernel.nir")), "kernel.nir");
        List<Map<String, Tensor>> expected = Reference.fixedOutputs(kernel, inputs);
        for (HostSimulation.Outcome o : List.of(cycle, rtl)) {
            for (BitComparison c : BitComparison.compare(o.fixedOutputs(), expected)) {
                assertTrue(c.matches(), c.toString());
                assertTrue(c.elements() > 0, c.toString());
            }
        }
    }

    private void compile(Path onnx, Path build) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "compile", onnx.toString(), "--target", "fpga",
                "--calib-random", "4", "-o", build.toString());
        assertEquals(0, code, err.toString());
    }

    /** The model's reference inputs, test_data_set_0, 1, ..., one frame each, repeated up to {@code frames}. */
    private static List<Map<String, Tensor>> inputs(Path folder, HwDesign hw, int frames) {
        String name = hw.function().inputNames().get(0);
        TensorType type = (TensorType) hw.function().arguments().get(0).type();
        List<Tensor> sets = new ArrayList<>();
        for (int k = 0; k < frames && Files.isRegularFile(folder.resolve("test_data_set_" + k + "/input_0.pb")); k++) {
            Path pb = folder.resolve("test_data_set_" + k + "/input_0.pb");
            sets.addAll(Frames.split(TensorFileReader.readOne(pb), type, pb.toString()));
        }
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (Tensor t : Frames.cycle(sets, frames)) {
            out.add(Map.of(name, t));
        }
        return out;
    }
}
