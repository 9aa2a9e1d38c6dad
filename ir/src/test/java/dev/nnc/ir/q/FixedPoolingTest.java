package dev.nnc.ir.q;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Average pooling on fixed-point raws: exact sum, then one requantisation by 1/count. */
class FixedPoolingTest {
    private static final FixedType IN = new FixedType(8, 4, true);

    @Test
    void averagePoolRoundsTheExactMeanOnce() {
        ModuleOp m = QInterpreterTest.parse(
                "    %y = \"onnx.AveragePool\"(%x) <{kernel_shape = [2, 2], strides = [2, 2]}> : (tensor<1x1x2x4xfixed<8,4>>) -> tensor<1x1x1x2xfixed<8,3>>\n"
                + "    \"func.return\"(%y) : (tensor<1x1x1x2xfixed<8,3>>) -> ()", "tensor<1x1x2x4xfixed<8,4>>");
        Tensor x = Tensor.ofLongs(IN, new int[] {1, 1, 2, 4}, new long[] {1, 2, 5, -7, 3, 4, 1, -1});
        // window sums 10 and −2 (raws at 2^−4); divided by 4 and rescaled to fixed<8,3>'s 2^−5: 10/4·2 = 5, −2/4·2 = −1
        assertArrayEquals(new long[] {5, -1}, new Interpreter().run(m, Map.of("x", x)).get("y").longs());
        ModuleOp same = QInterpreterTest.parse(
                "    %y = \"onnx.AveragePool\"(%x) <{kernel_shape = [2, 2], strides = [2, 2]}> : (tensor<1x1x2x4xfixed<8,4>>) -> tensor<1x1x1x2xfixed<8,4>>\n"
                + "    \"func.return\"(%y) : (tensor<1x1x1x2xfixed<8,4>>) -> ()", "tensor<1x1x2x4xfixed<8,4>>");
        // in the input's own format: 2.5 → 2 and −0.5 → 0 (ties to even)
        assertArrayEquals(new long[] {2, 0}, new Interpreter().run(same, Map.of("x", x)).get("y").longs());
    }

    @Test
    void globalAverageOverAnOddCount() {
        ModuleOp m = QInterpreterTest.parse(
                "    %y = \"onnx.GlobalAveragePool\"(%x) : (tensor<1x2x1x3xfixed<8,4>>) -> tensor<1x2x1x1xfixed<8,4>>\n"
                + "    \"func.return\"(%y) : (tensor<1x2x1x1xfixed<8,4>>) -> ()", "tensor<1x2x1x3xfixed<8,4>>");
        Tensor x = Tensor.ofLongs(IN, new int[] {1, 2, 1, 3}, new long[] {1, 2, 4, -3, -3, -4});
        // 7/3 = 2.33 → 2; −10/3 = −3.33 → −3
        assertArrayEquals(new long[] {2, -3}, new Interpreter().run(m, Map.of("x", x)).get("y").longs());
    }
}
