package dev.nnc.tests.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import dev.nnc.passes.PassManager;
import dev.nnc.passes.PassRegistry;
import dev.nnc.passes.pipeline.Pipeline;
import dev.nnc.sim.CycleEngine;
import dev.nnc.sim.HostSimulation;
import dev.nnc.sim.HwDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * size-fifos judged by the cycle simulator: a residual (3x3 convolution beside a skip) lowered by
 * lower-hw deadlocks without it, runs with the least depths it computes and gives the kernel
 * interpreter's bits, and at full rate keeps the initiation interval of an unbounded skip FIFO.
 */
class SizeFifosSimTest {
    private static final String F = "fixed<8,3>";

    /** x + relu(conv3x3(x)) on an H×W×2 image, the convolution folded to one PE (the slow branch). */
    private static String residual(int h, int w) {
        String img = h + "x" + w + "x2x" + F;
        StringBuilder weights = new StringBuilder();
        for (int i = 0; i < 36; i++) {
            weights.append(i > 0 ? ", " : "").append(i % 7 - 3);
        }
        return "\"builtin.module\"() <{opset = 17}> ({\n"
                + "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"y\"], sym_name = \"main\"}> ({\n"
                + "  ^bb0(%x: tensor<1x2x" + h + "x" + w + "xf32>):\n"
                + "    %q = \"q.quantize\"(%x) : (tensor<1x2x" + h + "x" + w + "xf32>) -> tensor<1x2x" + h + "x" + w + "x" + F + ">\n"
                + "    %t = \"kernel.to_stream\"(%q) <{perm = [0, 2, 3, 1]}> : (tensor<1x2x" + h + "x" + w + "x" + F + ">) -> tensor<" + img + ">\n"
                + "    %c = \"kernel.swg\"(%t) <{kernel_shape = [3, 3], pads = [1, 1, 1, 1]}> : (tensor<" + img + ">) -> tensor<"
                + h + "x" + w + "x18x" + F + "> loc(\"conv\")\n"
                + "    %m = \"kernel.mvau\"(%c) <{acc_type = fixed<24,14>, activation = \"RELU\", multipliers = [1], shifts = [5],"
                + " weights = dense<[" + weights + "]> : tensor<2x18x" + F + ">}> : (tensor<" + h + "x" + w + "x18x" + F
                + ">) -> tensor<" + img + "> loc(\"conv\")\n"
                + "    %a = \"kernel.add\"(%m, %t) : (tensor<" + img + ">, tensor<" + img + ">) -> tensor<" + img + "> loc(\"res\")\n"
                + "    %r = \"kernel.from_stream\"(%a) <{perm = [0, 3, 1, 2]}> : (tensor<" + img + ">) -> tensor<1x2x" + h + "x" + w + "x" + F + ">\n"
                + "    %y = \"q.dequantize\"(%r) : (tensor<1x2x" + h + "x" + w + "x" + F + ">) -> tensor<1x2x" + h + "x" + w + "xf32>\n"
                + "    \"func.return\"(%y) : (tensor<1x2x" + h + "x" + w + "xf32>) -> ()\n"
                + "  }) : () -> ()\n}) : () -> ()\n";
    }

    private static ModuleOp lowered(String kernelText, String pipeline) {
        ModuleOp m = IrParser.parse(kernelText, "residual.nir");
        new PassManager().run(Pipeline.parse(pipeline, PassRegistry.standard()), m);
        return m;
    }

    private static List<Map<String, Tensor>> frames(int h, int w, int n) {
        Random r = new Random(7);
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            double[] v = new double[2 * h * w];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextDouble() * 6 - 3;
            }
            out.add(Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {1, 2, h, w}, v)));
        }
        return out;
    }

    private static HostSimulation.Outcome simulate(ModuleOp hw, List<Map<String, Tensor>> frames) {
        return new HostSimulation(HwDesign.of(hw)).run(new CycleEngine(), frames);
    }

    private static Operation skipFifo(ModuleOp hw) {
        Operation add = hw.mainFunction().body().operations().stream()
                .filter(o -> o.name().equals(HwDialect.ADD)).findFirst().orElseThrow();
        return add.operand(1).definingOp();
    }

    @Test
    void withoutSizeFifosTheResidualDeadlocks() {
        ModuleOp hw = lowered(residual(6, 6), "lower-hw");
        NncException e = assertThrows(NncException.class, () -> simulate(hw, frames(6, 6, 2)));
        assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
    }

    @Test
    void theLeastDepthRunsAndGivesTheKernelBits() {
        String text = residual(6, 6);
        ModuleOp hw = lowered(text, "lower-hw,size-fifos{full-rate=false}");
        List<Map<String, Tensor>> frames = frames(6, 6, 3);
        HostSimulation.Outcome out = simulate(hw, frames);
        ModuleOp kernel = IrParser.parse(text, "residual.nir");
        for (int f = 0; f < frames.size(); f++) {
            assertEquals(new Interpreter().run(kernel, frames.get(f)), out.outputs().get(f), "frame " + f);
        }
    }

    @Test
    void fullRateKeepsTheIntervalOfAnUnboundedSkip() {
        List<Map<String, Tensor>> frames = frames(8, 8, 3);
        ModuleOp sized = lowered(residual(8, 8), "lower-hw,size-fifos");
        ModuleOp unbounded = lowered(residual(8, 8), "lower-hw,size-fifos");
        skipFifo(unbounded).setProperty(HwDialect.DEPTH, new Attribute.IntAttr(100_000));
        ModuleOp least = lowered(residual(8, 8), "lower-hw,size-fifos{full-rate=false}");
        double ii = simulate(unbounded, frames).run().initiationInterval();
        assertEquals(ii, simulate(sized, frames).run().initiationInterval());
        long depth = ((Attribute.IntAttr) skipFifo(sized).property(HwDialect.DEPTH)).value();
        long leastDepth = ((Attribute.IntAttr) skipFifo(least).property(HwDialect.DEPTH)).value();
        assertTrue(leastDepth < depth && depth < 8 * 8 * 2, leastDepth + " < " + depth + " < one frame");
        System.out.println("residual 8x8x2: skip FIFO " + leastDepth + " (least) / " + depth + " (full rate), II " + ii
                + " cycles; least-depth II " + simulate(least, frames).run().initiationInterval());
    }
}
