package dev.nnc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference recomputed from a design's hw ops equals the kernel-level module it stands for. */
class KernelReferenceTest {
    private static final String W = "dense<[-4, 1, -3, 2, -2, 3, -1, 4, 0, -4, 1, -3, 2, -2, 3, -1, 4, 0, -4, 1, -3, 2, -2, 3, "
            + "-1, 4, 0, -4, 1, -3, 2, -2]> : tensor<4x8xfixed<8,3>>";
    private static final String MVAU_PROPS = "acc_type = fixed<19,9>, activation = \"RELU\", multipliers = [1], shifts = [5], simd = 2, weights = " + W;

    private static final String DESIGN = """
            "builtin.module"() <{opset = 13}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<1x8xf32>):
                %q = "q.quantize"(%x) : (tensor<1x8xf32>) -> tensor<1x8xfixed<8,3>>
                %s0 = "hw.source"(%q) <{perm = [0, 1]}> : (tensor<1x8xfixed<8,3>>) -> !hw.stream<2xfixed<8,3>>
                %a, %b = "hw.fork"(%s0) : (!hw.stream<2xfixed<8,3>>) -> (!hw.stream<2xfixed<8,3>>, !hw.stream<2xfixed<8,3>>)
                %s1 = "hw.fifo"(%a) <{depth = 8}> : (!hw.stream<2xfixed<8,3>>) -> !hw.stream<2xfixed<8,3>>
                %s2 = "hw.mvau"(%s1) <{PROPS, in_shape = [8], out_shape = [4], pe = 1}> : (!hw.stream<2xfixed<8,3>>) -> !hw.stream<1xfixed<8,3>>
                %t = "hw.sink"(%s2) <{perm = [0, 1]}> : (!hw.stream<1xfixed<8,3>>) -> tensor<1x4xfixed<8,3>>
                %u = "hw.sink"(%b) <{perm = [0, 1]}> : (!hw.stream<2xfixed<8,3>>) -> tensor<1x8xfixed<8,3>>
                %y = "q.dequantize"(%t) : (tensor<1x4xfixed<8,3>>) -> tensor<1x4xf32>
                "func.return"(%y, %u) : (tensor<1x4xf32>, tensor<1x8xfixed<8,3>>) -> ()
              }) : () -> ()
            }) : () -> ()
            """.replace("PROPS", MVAU_PROPS);

    private static final String KERNEL = """
            "builtin.module"() <{opset = 13}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<1x8xf32>):
                %q = "q.quantize"(%x) : (tensor<1x8xf32>) -> tensor<1x8xfixed<8,3>>
                %s0 = "kernel.to_stream"(%q) <{perm = [0, 1]}> : (tensor<1x8xfixed<8,3>>) -> tensor<8xfixed<8,3>>
                %s2 = "kernel.mvau"(%s0) <{PROPS, pe = 1}> : (tensor<8xfixed<8,3>>) -> tensor<4xfixed<8,3>>
                %t = "kernel.from_stream"(%s2) <{perm = [0, 1]}> : (tensor<4xfixed<8,3>>) -> tensor<1x4xfixed<8,3>>
                %y = "q.dequantize"(%t) : (tensor<1x4xfixed<8,3>>) -> tensor<1x4xf32>
                "func.return"(%y, %q) : (tensor<1x4xf32>, tensor<1x8xfixed<8,3>>) -> ()
              }) : () -> ()
            }) : () -> ()
            """.replace("PROPS", MVAU_PROPS);

    @Test
    void hwOpsRunAsTheirKernelOps() {
        List<Map<String, Tensor>> frames = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            double[] v = new double[8];
            for (int i = 0; i < 8; i++) {
                v[i] = Math.sin(1.3 * i + f) * 3;
            }
            frames.add(Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {1, 8}, v)));
        }
        HwDesign d = HwDesign.of(IrParser.parse(DESIGN, "design.nir"));
        List<Map<String, Tensor>> fromHw = KernelReference.fixedOutputs(d, frames);
        List<Map<String, Tensor>> fromKernel = Reference.fixedOutputs(IrParser.parse(KERNEL, "kernel.nir"), frames);
        List<BitComparison> cmp = BitComparison.compare(fromHw, fromKernel);
        assertEquals(2, cmp.size());
        for (BitComparison c : cmp) {
            assertTrue(c.matches(), c.toString());
        }
        assertEquals(12, cmp.get(0).elements());
        long nonZero = fromHw.stream().flatMapToLong(m -> java.util.Arrays.stream(m.get("y").longs())).filter(r -> r != 0).count();
        assertTrue(nonZero > 0, "the layer computes something");
    }
}
