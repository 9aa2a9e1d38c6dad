package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OpHarness.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnaryMathKernelsTest {
    private static Tensor f64(double... v) {
        return Tensor.ofDoubles(FloatType.F64, new int[] {v.length}, v);
    }

    @Test
    void absAndNegWrapAtTheMostNegativeInteger() {
        Tensor x = Tensor.ofLongs(IntegerType.I8, new int[] {3}, new long[] {-128, -5, 7});
        assertArrayEquals(new long[] {-128, 5, 7}, run("Abs", x).longs());
        assertArrayEquals(new long[] {-128, 5, -7}, run("Neg", x).longs());
    }

    @Test
    void signOfUnsigned64TreatsHighBitAsPositive() {
        Tensor x = Tensor.ofLongs(IntegerType.U64, new int[] {2}, new long[] {-1L, 0});
        assertArrayEquals(new long[] {1, 0}, run("Sign", x).longs());
        Tensor f = f64(-2.5, 0, 3, Double.NaN);
        double[] s = run("Sign", f).doubles();
        assertEquals(-1.0, s[0]);
        assertEquals(0.0, s[1]);
        assertEquals(1.0, s[2]);
        assertTrue(Double.isNaN(s[3]));
    }

    @Test
    void roundIsHalfToEven() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {6}, new double[] {0.5, 1.5, 2.5, -0.5, -1.5, 2.4});
        assertArrayEquals(new double[] {0, 2, 2, -0.0, -2, 2}, run("Round", x).doubles());
    }

    @Test
    void erfMatchesKnownValues() {
        double[] r = run("Erf", f64(0, 0.5, 1, 2, -3, 3.5, 5, 1e-8)).doubles();
        double[] expected = {0, 0.5204998778130465, 0.8427007929497149, 0.9953222650189527,
            -0.9999779095030014, 0.9999992569016276, 0.9999999999984626, 1.1283791670955126e-8};
        for (int i = 0; i < r.length; i++) {
            assertEquals(expected[i], r[i], 1e-15 + 1e-13 * Math.abs(expected[i]), "erf #" + i);
        }
    }

    @Test
    void inverseHyperbolicFunctions() {
        assertArrayEquals(new double[] {2.993222846126381, 0, Double.NaN},
                run("Acosh", f64(10, 1, 0.5)).doubles(), 1e-15);
        assertArrayEquals(new double[] {-0.881373587019543, 1e-10}, run("Asinh", f64(-1, 1e-10)).doubles(), 1e-15);
        double[] at = run("Atanh", f64(0.5, 1, -1, 2)).doubles();
        assertEquals(0.5493061443340549, at[0], 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, at[1]);
        assertEquals(Double.NEGATIVE_INFINITY, at[2]);
        assertTrue(Double.isNaN(at[3]));
    }

    @Test
    void isNaNAndIsInfGiveBools() {
        Tensor x = Tensor.ofDoubles(FloatType.F16, new int[] {4}, new double[] {1, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        Tensor nan = run("IsNaN", x);
        assertEquals(BoolType.I1, nan.elementType());
        assertArrayEquals(new long[] {0, 1, 0, 0}, nan.longs());
        assertArrayEquals(new long[] {0, 0, 1, 1}, run("IsInf", x).longs());
        assertArrayEquals(new long[] {0, 0, 0, 1},
                run("IsInf", Map.of("detect_positive", Attribute.of(0)), x).longs());
    }

    @Test
    void floatOnlyOpRejectsIntegers() {
        Tensor x = Tensor.ofLongs(IntegerType.I32, new int[] {1}, new long[] {4});
        NncException e = assertThrows(NncException.class, () -> run("Sqrt", x));
        assertTrue(e.getMessage().contains("float"), e.getMessage());
    }

    @Test
    void float16ResultsAreRoundedToHalf() {
        Tensor x = Tensor.ofDoubles(FloatType.F16, new int[] {1}, new double[] {2});
        double r = run("Sqrt", x).doubles()[0];
        assertEquals(FloatType.F16.round(Math.sqrt(2)), r);
        assertEquals(1.4140625, r);
    }
}
