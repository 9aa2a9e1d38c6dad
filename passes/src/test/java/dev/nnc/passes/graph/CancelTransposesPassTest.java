package dev.nnc.passes.graph;

import static dev.nnc.passes.graph.PassTesting.assertSameOutputs;
import static dev.nnc.passes.graph.PassTesting.count;
import static dev.nnc.passes.graph.PassTesting.module;
import static dev.nnc.passes.graph.PassTesting.run;
import static dev.nnc.passes.graph.PassTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.core.ModuleOp;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CancelTransposesPassTest {
    private static final String NHWC = "tensor<1x4x5x3xf32>";
    private static final String NCHW = "tensor<1x3x4x5xf32>";

    private static ModuleOp cancelAndCompare(Supplier<ModuleOp> make) {
        ModuleOp m = make.get();
        run(m, CancelTransposesPass.INFO.create(), DcePass.INFO.create());
        assertSameOutputs(make.get(), m);
        return m;
    }

    private static String toNhwc(String in, String out) {
        return "    " + out + " = \"onnx.Transpose\"(" + in + ") <{perm = [0, 2, 3, 1]}> : (" + NCHW + ") -> " + NHWC + "\n";
    }

    private static String toNchw(String in, String out) {
        return "    " + out + " = \"onnx.Transpose\"(" + in + ") <{perm = [0, 3, 1, 2]}> : (" + NHWC + ") -> " + NCHW + "\n";
    }

    @Test
    void pushesThroughUnaryAndConstantBinaryOpsAndCancels() {
        String body = toNhwc("%x", "%t")
                + "    %r = \"onnx.Relu\"(%t) : (" + NHWC + ") -> " + NHWC + "\n"
                + "    %c = \"onnx.Constant\"() <{value = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>}> : () -> tensor<3xf32>\n"
                + "    %a = \"onnx.Mul\"(%r, %c) : (" + NHWC + ", tensor<3xf32>) -> " + NHWC + "\n"
                + "    %k = \"onnx.Constant\"() <{value = dense<" + values(20, 3, -0.5) + "> : tensor<4x5x1xf32>}> : () -> tensor<4x5x1xf32>\n"
                + "    %s = \"onnx.Sub\"(%k, %a) : (tensor<4x5x1xf32>, " + NHWC + ") -> " + NHWC + "\n"
                + toNchw("%s", "%y");
        ModuleOp m = cancelAndCompare(() -> module("%x: " + NCHW, body, "%y: " + NCHW));
        assertEquals(0, count(m, "onnx.Transpose"));
    }

    @Test
    void binaryOpsWithBothOperandsTransposedAlike() {
        String body = toNhwc("%x", "%t") + toNhwc("%z", "%u")
                + "    %a = \"onnx.Add\"(%t, %u) : (" + NHWC + ", " + NHWC + ") -> " + NHWC + "\n"
                + toNchw("%a", "%y");
        ModuleOp m = cancelAndCompare(() -> module("%x: " + NCHW + ", %z: " + NCHW, body, "%y: " + NCHW));
        assertEquals(0, count(m, "onnx.Transpose"));
    }

    @Test
    void aTransposeMovingOnlyUnitAxesBecomesAReshape() {
        ModuleOp m = cancelAndCompare(() -> module("%x: tensor<1x8x8x1xf32>",
                "    %y = \"onnx.Transpose\"(%x) <{perm = [0, 3, 1, 2]}> : (tensor<1x8x8x1xf32>) -> tensor<1x1x8x8xf32>\n",
                "%y: tensor<1x1x8x8xf32>"));
        assertEquals(0, count(m, "onnx.Transpose"));
        assertEquals(1, count(m, "onnx.Reshape"));
    }

    @Test
    void aTransposeBeforeFlattenAndGemmMovesIntoTheWeights() {
        String body = toNhwc("%x", "%t")
                + "    %f = \"onnx.Flatten\"(%t) <{axis = 1}> : (" + NHWC + ") -> tensor<1x60xf32>\n"
                + "    %w = \"onnx.Constant\"() <{value = dense<" + values(120, 9, -0.5) + "> : tensor<60x2xf32>}> : () -> tensor<60x2xf32>\n"
                + "    %y = \"onnx.Gemm\"(%f, %w) : (tensor<1x60xf32>, tensor<60x2xf32>) -> tensor<1x2xf32>\n";
        ModuleOp m = cancelAndCompare(() -> module("%x: " + NCHW, body, "%y: tensor<1x2xf32>"));
        assertEquals(0, count(m, "onnx.Transpose"));
        assertEquals(1, count(m, "onnx.Gemm"));
    }

    @Test
    void isNotPushedPastNonElementwiseOpsOrWhenTheTransposeHasTwoUsers() {
        String body = toNhwc("%x", "%t")
                + "    %s = \"onnx.Softmax\"(%t) <{axis = 3}> : (" + NHWC + ") -> " + NHWC + "\n"
                + "    %r = \"onnx.Relu\"(%t) : (" + NHWC + ") -> " + NHWC + "\n"
                + "    %a = \"onnx.Add\"(%s, %r) : (" + NHWC + ", " + NHWC + ") -> " + NHWC + "\n"
                + toNchw("%a", "%y");
        ModuleOp m = cancelAndCompare(() -> module("%x: " + NCHW, body, "%y: " + NCHW));
        assertEquals(2, count(m, "onnx.Transpose"));
        assertEquals(1, count(m, "onnx.Softmax"));
    }
}
