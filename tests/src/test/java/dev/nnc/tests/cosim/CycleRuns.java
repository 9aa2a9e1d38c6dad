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

/**
 * A shared model compiled for fpga with its reference input repeated as frames, run on the cycle
 * simulator under different {@link SimOptions}; and the check that two runs are the same run.
 */
final class CycleRuns {
    private final HostSimulation host;
    private final List<Map<String, Tensor>> inputs;

    private CycleRuns(HostSimulation host, List<Map<String, Tensor>> inputs) {
        this.host = host;
        this.inputs = inputs;
    }

    /** Compiles {@code models/<model>} (with extra compile {@code options}) into {@code dir/build} and prepares {@code frames} frames of its first reference input. */
    static CycleRuns compile(Path dir, String model, int frames, String... options) throws IOException {
        Path folder = TestData.require("models/" + model);
        Path build = dir.resolve("build");
        java.util.List<String> args = new java.util.ArrayList<>(List.of("compile", folder.resolve("model.onnx").toString(),
                "--target", "fpga", "--calib-random", "4", "-o", build.toString()));
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        HwDesign hw = HwDesign.of(IrParser.parse(Files.readString(build.resolve("design.nir")), "design.nir"));
        Path pb = folder.resolve("test_data_set_0/input_0.pb");
        TensorType type = (TensorType) hw.function().arguments().get(0).type();
        List<Tensor> one = Frames.split(TensorFileReader.readOne(pb), type, pb.toString());
        List<Map<String, Tensor>> inputs = Frames.cycle(one, frames).stream()
                .map(t -> Map.of(hw.function().inputNames().get(0), t)).toList();
        return new CycleRuns(new HostSimulation(hw), inputs);
    }

    /** The FIFO depths of the compiled design, by instance name. */
    java.util.Map<String, Long> fifoDepths() {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        HwDesign d = host.design();
        for (int i = 0; i < d.primitives().size(); i++) {
            if (d.primitives().get(i).name().equals("hw.fifo")) {
                out.put(d.instanceName(i), dev.nnc.ir.hw.prim.FifoConfig.from(d.primitives().get(i)).depth() + 0L);
            }
        }
        return out;
    }

    HwRun run(SimOptions options) {
        return host.run(new CycleEngine(ComponentRegistry.standard(), options), inputs).run();
    }

    /** Same cycles, frame timing, per-stage statistics, and every output beat's cycle and value. */
    static void assertSameRun(HwRun expected, String expectedName, HwRun actual, String actualName) {
        assertEquals(expected.cycles(), actual.cycles(), "total cycles");
        assertEquals(expected.frames(), actual.frames(), "frame timing");
        assertEquals(expected.nodes(), actual.nodes(), "per-stage statistics");
        for (int s = 0; s < expected.traces().size(); s++) {
            var a = expected.traces().get(s);
            var b = actual.traces().get(s);
            int d = a.firstDifference(b);
            assertEquals(-1, d, () -> a.name() + ": first difference at beat " + d + ": " + expectedName + " "
                    + a.describe(d) + ", " + actualName + " " + b.describe(d));
        }
    }
}
