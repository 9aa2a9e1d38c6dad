package dev.nnc.ir.q;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedTensors;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.verify.Verifier;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** q.softmax against raws worked out by hand, against float softmax, and its verifier; fixed Clip. */
class QSoftmaxTest {
    private static ModuleOp softmax(String props, String in, String out) {
        return QInterpreterTest.parse("    %y = \"q.softmax\"(%x) " + props + ": (" + in + ") -> " + out + "\n"
                + "    \"func.return\"(%y) : (" + out + ") -> ()", in);
    }

    @Test
    void smallTablesByHand() {
        ModuleOp m = softmax("<{exp_log2_size = 3, exp_lo = -8.0, exp_hi = 0.0, exp_type = ufixed<8,1>, recip_in_type = ufixed<8,4>,"
                + " recip_log2_size = 4, recip_lo = 0.0, recip_hi = 4.0, recip_type = ufixed<8,1>}> ",
                "tensor<1x3xfixed<8,4>>", "tensor<1x3xufixed<8,0>>");
        assertEquals("[]", Verifier.verify(m, DialectRegistry.standard()).toString());
        Tensor x = Tensor.ofLongs(new FixedType(8, 4, true), new int[] {1, 3}, new long[] {16, 0, -16});
        // d = [0, −1, −2]; exp bins of width 1 over [−8, 0): indices [7 (clamped), 7, 6];
        // entries exp(−0.5)·128 = 77.6 → 78, exp(−1.5)·128 = 28.6 → 29; s = 185/128 → ufixed<8,4>: 23.125 → 23;
        // reciprocal bins of 0.25: 23/16 = 1.4375 → bin 5, midpoint 1.375 → 0.7273·128 = 93.1 → 93;
        // y = 78·93 = 7254 and 29·93 = 2697 at 2^−14 → 2^−8: 113.3 → 113, 42.1 → 42
        assertArrayEquals(new long[] {113, 113, 42}, new Interpreter().run(m, Map.of("x", x)).get("y").longs());
    }

    @Test
    void defaultsTrackFloatSoftmax() {
        ModuleOp m = softmax("", "tensor<4x5xfixed<16,6>>", "tensor<4x5xfixed<16,6>>");
        Random r = new Random(7);
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian() * 2;
        }
        Tensor xf = Tensor.ofDoubles(FloatType.F64, new int[] {4, 5}, v);
        Tensor x = FixedTensors.quantize(xf, new FixedType(16, 6, true), CastMode.DEFAULT);
        double[] y = FixedTensors.dequantize(new Interpreter().run(m, Map.of("x", x)).get("y"), FloatType.F64).doubles();
        for (int row = 0; row < 4; row++) {
            double s = 0;
            for (int i = 0; i < 5; i++) {
                s += Math.exp(v[row * 5 + i]);
            }
            for (int i = 0; i < 5; i++) {
                double want = Math.exp(v[row * 5 + i]) / s;
                assertEquals(want, y[row * 5 + i], 0.02, "row " + row + " entry " + i);
            }
        }
        String text = IrPrinter.print(m);
        assertEquals(text, IrPrinter.print(IrParser.parse(text, "again.nir")));
    }

    @Test
    void verifierNamesTheBadTable() {
        ModuleOp m = softmax("<{exp_hi = 1.0}> ", "tensor<1x3xfixed<8,4>>", "tensor<1x3xfixed<8,4>>");
        String errors = Verifier.verify(m, DialectRegistry.standard()).toString();
        assertTrue(errors.contains("q.softmax") && errors.contains("bin width must be a power of two"), errors);
        ModuleOp f = softmax("", "tensor<1x3xf32>", "tensor<1x3xfixed<8,4>>");
        String kind = Verifier.verify(f, DialectRegistry.standard()).toString();
        assertTrue(kind.contains("operand must be a fixed-point tensor"), kind);
        ModuleOp t = softmax("<{exp_type = f32}> ", "tensor<1x3xfixed<8,4>>", "tensor<1x3xfixed<8,4>>");
        String type = Verifier.verify(t, DialectRegistry.standard()).toString();
        assertTrue(type.contains("exp_type must be a fixed-point type"), type);
    }

    @Test
    void clipOnFixedRaws() {
        ModuleOp m = QInterpreterTest.parse(
                "    %lo = \"onnx.Constant\"() <{value = dense<[-2]> : tensor<1xfixed<8,6>>}> : () -> tensor<1xfixed<8,6>>\n"
                + "    %hi = \"onnx.Constant\"() <{value = dense<[40]> : tensor<1xi64>}> : () -> tensor<1xi64>\n"
                + "    %y = \"onnx.Clip\"(%x, %lo, %hi) : (tensor<4xfixed<8,4>>, tensor<1xfixed<8,6>>, tensor<1xi64>) -> tensor<4xfixed<8,4>>\n"
                + "    \"func.return\"(%y) : (tensor<4xfixed<8,4>>) -> ()", "tensor<4xfixed<8,4>>");
        Tensor x = Tensor.ofLongs(new FixedType(8, 4, true), new int[] {4}, new long[] {-100, -3, 20, 90});
        // lo = −2·2^−2 = −0.5 → raw −8 at 2^−4; hi is the raw 40 (2.5)
        assertArrayEquals(new long[] {-8, -3, 20, 40}, new Interpreter().run(m, Map.of("x", x)).get("y").longs());
    }
}
