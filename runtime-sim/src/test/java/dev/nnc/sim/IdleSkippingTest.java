package dev.nnc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import dev.nnc.sim.engine.SimOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A component's {@link Component#idle} only lets the simulator skip clocks that change nothing:
 * the same design run with every component clocked every cycle gives the same trace, beat for
 * beat and cycle for cycle (a small design in the module itself; the tests module does the same on
 * the shared models). The design has the two cases that once went wrong: an MVAU with one
 * PE fold (its last vector's final step comes the cycle after its last beat, with no transfer) and
 * a sliding window fed slowly (its early reads issue in cycles without an input beat).
 */
class IdleSkippingTest {
    private static final String DESIGN = """
            "builtin.module"() <{opset = 17}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<1x2x4x4xf32>):
                %q = "q.quantize"(%x) : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xfixed<8,3>>
                %s = "hw.source"(%q) <{perm = [0, 2, 3, 1]}> : (tensor<1x2x4x4xfixed<8,3>>) -> !hw.stream<1xfixed<8,3>>
                %a = "hw.mvau"(%s) <{acc_type = fixed<17,7>, in_shape = [4, 4, 2], multipliers = [1], out_shape = [4, 4, 2], pe = 1, shifts = [6], simd = 1, weights = dense<[3, -2, 1, 4]> : tensor<2x2xfixed<8,3>>}> : (!hw.stream<1xfixed<8,3>>) -> !hw.stream<1xfixed<8,3>>
                %w = "hw.swg"(%a) <{in_shape = [4, 4, 2], kernel_shape = [3, 3], out_shape = [4, 4, 18], pads = [1, 1, 1, 1]}> : (!hw.stream<1xfixed<8,3>>) -> !hw.stream<1xfixed<8,3>>
                %b = "hw.mvau"(%w) <{acc_type = fixed<21,11>, in_shape = [4, 4, 18], multipliers = [1], out_shape = [4, 4, 2], pe = 2, shifts = [5], simd = 1, weights = dense<[1, -1, 2, 0, 3, -2, 1, 1, 0, -3, 2, 1, -1, 0, 2, 1, -2, 3, 2, 1, 0, -1, 1, 3, -2, 0, 1, 2, -1, 1, 0, 2, -3, 1, 1, -1]> : tensor<2x18xfixed<8,3>>}> : (!hw.stream<1xfixed<8,3>>) -> !hw.stream<2xfixed<8,3>>
                %t = "hw.sink"(%b) <{perm = [0, 3, 1, 2]}> : (!hw.stream<2xfixed<8,3>>) -> tensor<1x2x4x4xfixed<8,3>>
                %y = "q.dequantize"(%t) : (tensor<1x2x4x4xfixed<8,3>>) -> tensor<1x2x4x4xf32>
                "func.return"(%y) : (tensor<1x2x4x4xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    private static HwRun run(boolean clockAll) {
        HwDesign design = HwDesign.of(IrParser.parse(DESIGN, "idle.nir"));
        Random r = new Random(3);
        List<Map<String, Tensor>> frames = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            double[] v = new double[32];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextDouble() * 4 - 2;
            }
            frames.add(Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {1, 2, 4, 4}, v)));
        }
        SimOptions options = new SimOptions(1000, 100_000).withClockAll(clockAll);
        return new HostSimulation(design).run(new CycleEngine(ComponentRegistry.standard(), options), frames).run();
    }

    @Test
    void skippingIdleClocksChangesNoBeatAndNoCycle() {
        HwRun skipping = run(false);
        HwRun stepping = run(true);
        SinkTrace a = skipping.traces().get(0);
        SinkTrace b = stepping.traces().get(0);
        assertEquals(3 * 16, b.size(), "every frame's 16 pixels");
        assertEquals(-1, a.firstDifference(b), "first difference: " + a.describe(Math.max(0, a.firstDifference(b)))
                + " vs " + b.describe(Math.max(0, a.firstDifference(b))));
    }
}
