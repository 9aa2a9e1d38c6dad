package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OpHarness.run;
import static dev.nnc.ir.onnx.kernels.OpHarness.runAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationKernelsTest {
    private static Tensor f64(double... v) {
        return Tensor.ofDoubles(FloatType.F64, new int[] {v.length}, v);
    }

    private static Tensor scalar(double v) {
        return Tensor.ofDoubles(FloatType.F64, new int[] {}, new double[] {v});
    }

    @Test
    void reluOnFloatsAndInts() {
        assertArrayEquals(new double[] {0, 0, 2}, run("Relu", f64(-1, 0, 2)).doubles());
        Tensor i = Tensor.ofLongs(IntegerType.I8, new int[] {2}, new long[] {-3, 4});
        assertArrayEquals(new long[] {0, 4}, run("Relu", i).longs());
    }

    @Test
    void leakyReluUsesFloat32Alpha() {
        double r = run("LeakyRelu", f64(-1)).doubles()[0];
        assertEquals(-(double) 0.01f, r);
    }

    @Test
    void preluBroadcastsSlopePerChannel() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {2, 2}, new double[] {-1, -2, 3, -4});
        Tensor slope = Tensor.ofDoubles(FloatType.F32, new int[] {2}, new double[] {0.5, 0.25});
        assertArrayEquals(new double[] {-0.5, -0.5, 3, -1}, run("PRelu", x, slope).doubles());
    }

    @Test
    void eluSeluCeluFollowTheirFormulas() {
        assertArrayEquals(new double[] {2 * Math.expm1(-1), 3}, run("Elu", Map.of("alpha", Attribute.of(2.0)), f64(-1, 3)).doubles(), 1e-15);
        double a = 1.67326319217681884765625;
        double g = 1.05070102214813232421875;
        assertArrayEquals(new double[] {g * a * Math.expm1(-1), g * 2}, run("Selu", f64(-1, 2)).doubles(), 1e-15);
        assertArrayEquals(new double[] {Math.expm1(-1), 2}, run("Celu", f64(-1, 2)).doubles(), 1e-15);
    }

    @Test
    void sigmoidFamilies() {
        assertArrayEquals(new double[] {0.5, 1 / (1 + Math.exp(-2))}, run("Sigmoid", f64(0, 2)).doubles(), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 1}, run("HardSigmoid", f64(-10, 0, 10)).doubles(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1 * (1 / 6.0 + 0.5), 4}, run("HardSwish", f64(-4, 0, 1, 4)).doubles(), 1e-15);
        assertArrayEquals(new double[] {2 / (1 + Math.exp(-2))}, run("Swish", f64(2)).doubles(), 1e-15);
    }

    @Test
    void softplusDoesNotOverflow() {
        double[] r = run("Softplus", f64(0, 1000, -1000)).doubles();
        assertEquals(Math.log(2), r[0], 1e-15);
        assertEquals(1000.0, r[1]);
        assertEquals(0.0, r[2]);
    }

    @Test
    void geluExactAndTanh() {
        double x = 1.0;
        assertEquals(0.8413447460685429, run("Gelu", f64(x)).doubles()[0], 1e-15);
        double tanh = 0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (1 + 0.044715)));
        assertEquals(tanh, run("Gelu", Map.of("approximate", Attribute.of("tanh")), f64(x)).doubles()[0], 1e-15);
        assertThrows(NncException.class, () -> run("Gelu", Map.of("approximate", Attribute.of("fast")), f64(x)));
    }

    @Test
    void shrinkAndThresholdedRelu() {
        Map<String, Attribute> attrs = Map.of("lambd", Attribute.of(1.5), "bias", Attribute.of(1.5));
        assertArrayEquals(new double[] {-0.5, 0, 0, 0.5}, run("Shrink", attrs, f64(-2, -1, 1, 2)).doubles());
        Tensor i = Tensor.ofLongs(IntegerType.I32, new int[] {3}, new long[] {-5, 1, 5});
        assertArrayEquals(new long[] {-3, 0, 3}, run("Shrink", attrs, i).longs());
        assertArrayEquals(new double[] {0, 0, 3}, run("ThresholdedRelu", f64(0.5, 1, 3)).doubles());
    }

    @Test
    void clipWithOptionalInputsAndIntegers() {
        Tensor x = f64(-5, 0, 5, Double.NaN);
        double[] r = runAll("Clip", Map.of(), 13, 1, x, scalar(-1), null).get(0).doubles();
        assertArrayEquals(new double[] {-1, 0, 5}, java.util.Arrays.copyOf(r, 3));
        assertTrue(Double.isNaN(r[3]));
        assertArrayEquals(new double[] {2, 2, 2, Double.NaN},
                runAll("Clip", Map.of(), 13, 1, x, scalar(3), scalar(2)).get(0).doubles());
        Tensor i = Tensor.ofLongs(IntegerType.I8, new int[] {3}, new long[] {-128, 0, 127});
        Tensor lo = Tensor.ofLongs(IntegerType.I8, new int[] {}, new long[] {-10});
        assertArrayEquals(new long[] {-10, 0, 127}, run("Clip", i, lo).longs());
    }

    @Test
    void clipBeforeOpset11ReadsAttributes() {
        Map<String, Attribute> attrs = Map.of("min", Attribute.of(-1.0), "max", Attribute.of(1.0));
        assertArrayEquals(new double[] {-1, 0.5, 1}, runAll("Clip", attrs, 6, 1, f64(-3, 0.5, 3)).get(0).doubles());
    }

    @Test
    void dropoutIsIdentityWithAllTrueMask() {
        Tensor x = f64(1, 2, 3);
        List<Tensor> out = runAll("Dropout", Map.of(), 13, 2, x);
        assertSame(x, out.get(0));
        assertEquals(BoolType.I1, out.get(1).elementType());
        assertArrayEquals(new long[] {1, 1, 1}, out.get(1).longs());
        Tensor on = Tensor.ofLongs(BoolType.I1, new int[] {}, new long[] {1});
        assertArrayEquals(new double[] {1, 2, 3},
                runAll("Dropout", Map.of(), 13, 1, x, scalar(0), on).get(0).doubles());
        NncException e = assertThrows(NncException.class, () -> runAll("Dropout", Map.of(), 13, 1, x, scalar(0.3), on));
        assertTrue(e.getMessage().contains("training_mode"), e.getMessage());
    }

    @Test
    void dropoutMaskHasTheInputTypeBeforeOpset10() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {2}, new double[] {1, 2});
        List<Tensor> out = runAll("Dropout", Map.of("ratio", Attribute.of(0.5)), 7, 2, x);
        assertEquals(FloatType.F32, out.get(1).elementType());
        assertArrayEquals(new double[] {1, 1}, out.get(1).doubles());
    }

    @Test
    void swigluGatesTheSecondInputWithSwishOfTheFirst() {
        Tensor a = Tensor.ofDoubles(FloatType.F32, new int[] {2}, new double[] {1, -2});
        Tensor b = Tensor.ofDoubles(FloatType.F32, new int[] {2}, new double[] {0.5, 1});
        double[] r = run("SwiGLU", a, b).doubles();
        assertEquals(0.3655293, r[0], 1e-6);
        assertEquals(-0.23840587, r[1], 1e-6);
        double[] half = run("SwiGLU", Map.of("alpha", Attribute.of(0.5)), a, b).doubles();
        assertEquals(0.5 / (1 + Math.exp(-0.5)), half[0], 1e-6);
    }
}
