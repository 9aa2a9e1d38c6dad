package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.cli.Main;
import dev.nnc.cli.io.TensorFileReader;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.TensorType;
import dev.nnc.sim.ComponentRegistry;
import dev.nnc.sim.CycleEngine;
import dev.nnc.sim.Frames;
import dev.nnc.sim.HostSimulation;
import dev.nnc.sim.HwDesign;
import dev.nnc.sim.HwRun;
import dev.nnc.sim.engine.SimOptions;
import dev.nnc.tests.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator skips the clocks of components whose {@code idle()} says nothing would change; on
 * every shared model, compiled for fpga, that must give exactly the run of clocking everything
 * every cycle (same beats, cycles and per-stage statistics). Needs no Verilator, so a wrong
 * {@code idle()} in a cycle model fails here on any machine.
 */
class IdleSkipTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1} frames")
    @CsvSource({"jet_tagger, 3", "conv2d_small, 3", "mnist8, 2", "residual_block, 1"})
    void skippingIdleComponentsGivesTheRunOfClockingAll(String model, int frames) throws IOException {
        Path folder = TestData.require("models/" + model);
        Path build = dir.resolve("build");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "compile",
                folder.resolve("model.onnx").toString(), "--target", "fpga", "--calib-random", "4", "-o", build.toString());
        assertEquals(0, code, err.toString());
        HwDesign hw = HwDesign.of(IrParser.parse(Files.readString(build.resolve("design.nir")), "design.nir"));
        Path pb = folder.resolve("test_data_set_0/input_0.pb");
        TensorType type = (TensorType) hw.function().arguments().get(0).type();
        List<Tensor> one = Frames.split(TensorFileReader.readOne(pb), type, pb.toString());
        List<Map<String, Tensor>> inputs = Frames.cycle(one, frames).stream()
                .map(t -> Map.of(hw.function().inputNames().get(0), t)).toList();

        HostSimulation host = new HostSimulation(hw);
        SimOptions skip = SimOptions.DEFAULT.withClockAll(false);
        HwRun skipping = host.run(new CycleEngine(ComponentRegistry.standard(), skip), inputs).run();
        HwRun all = host.run(new CycleEngine(ComponentRegistry.standard(), skip.withClockAll(true)), inputs).run();

        assertEquals(all.cycles(), skipping.cycles(), "total cycles");
        assertEquals(all.frames(), skipping.frames(), "frame timing");
        assertEquals(all.nodes(), skipping.nodes(), "per-stage statistics");
        for (int s = 0; s < all.traces().size(); s++) {
            var a = all.traces().get(s);
            var b = skipping.traces().get(s);
            int d = a.firstDifference(b);
            assertEquals(-1, d, () -> a.name() + ": first difference at beat " + d + ": all clocked " + a.describe(d)
                    + ", idle skipped " + b.describe(d));
        }
    }
}
