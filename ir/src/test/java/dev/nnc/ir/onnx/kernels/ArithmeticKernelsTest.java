package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OpHarness.run;
import static dev.nnc.ir.onnx.kernels.OpHarness.runAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArithmeticKernelsTest {
    static Tensor f32(int[] shape, double... v) {
        return Tensor.ofDoubles(FloatType.F32, shape, v);
    }

    static Tensor ints(IntegerType t, int[] shape, long... v) {
        return Tensor.ofLongs(t, shape, v);
    }

    @Test
    void addBroadcastsRowAgainstMatrix() {
        Tensor a = f32(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        Tensor b = f32(new int[] {3}, 10, 20, 30);
        Tensor c = run("Add", a, b);
        assertArrayEquals(new int[] {2, 3}, c.shape());
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, c.doubles());
    }

    @Test
    void addRoundsToFloat32Once() {
        Tensor c = run("Add", f32(new int[] {1}, 0.1), f32(new int[] {1}, 0.2));
        assertEquals((double) (float) ((double) 0.1f + (double) 0.2f), c.doubles()[0]);
    }

    @Test
    void integerAddAndMulWrapToWidth() {
        Tensor a = ints(IntegerType.I8, new int[] {2}, 127, -128);
        Tensor b = ints(IntegerType.I8, new int[] {2}, 1, -1);
        assertArrayEquals(new long[] {-128, 127}, run("Add", a, b).longs());
        Tensor u = ints(IntegerType.U8, new int[] {1}, 200);
        assertArrayEquals(new long[] {144}, run("Mul", u, ints(IntegerType.U8, new int[] {1}, 2)).longs());
        assertArrayEquals(new long[] {255}, run("Sub", ints(IntegerType.U8, new int[] {1}, 0), ints(IntegerType.U8, new int[] {1}, 1)).longs());
    }

    @Test
    void integerDivisionTruncatesTowardZero() {
        Tensor a = ints(IntegerType.I32, new int[] {4}, 7, -7, 7, -7);
        Tensor b = ints(IntegerType.I32, new int[] {4}, 2, 2, -2, -2);
        assertArrayEquals(new long[] {3, -3, -3, 3}, run("Div", a, b).longs());
    }

    @Test
    void u64DividesAndComparesUnsigned() {
        long big = -2L; // 2^64 - 2
        Tensor a = ints(IntegerType.U64, new int[] {2}, big, big);
        Tensor b = ints(IntegerType.U64, new int[] {2}, 2, 3);
        assertArrayEquals(new long[] {Long.MAX_VALUE, 0x5555555555555554L},
                run("Div", a, b).longs());
        Tensor max = run("Max", a, ints(IntegerType.U64, new int[] {1}, 5));
        assertArrayEquals(new long[] {big, big}, max.longs());
        Tensor min = run("Min", a, ints(IntegerType.U64, new int[] {1}, 5));
        assertArrayEquals(new long[] {5, 5}, min.longs());
    }

    @Test
    void modSignFollowsDivisorUnlessFmod() {
        Tensor a = ints(IntegerType.I32, new int[] {4}, 5, -5, 5, -5);
        Tensor b = ints(IntegerType.I32, new int[] {4}, 3, 3, -3, -3);
        assertArrayEquals(new long[] {2, 1, -1, -2}, run("Mod", a, b).longs());
        assertArrayEquals(new long[] {2, -2, 2, -2}, run("Mod", Map.of("fmod", Attribute.of(1)), a, b).longs());
        Tensor fa = f32(new int[] {2}, -4.5, 4.5);
        Tensor fb = f32(new int[] {2}, 2, -2);
        assertArrayEquals(new double[] {-0.5, 0.5}, run("Mod", Map.of("fmod", Attribute.of(1)), fa, fb).doubles());
        assertArrayEquals(new double[] {1.5, -1.5}, run("Mod", fa, fb).doubles());
    }

    @Test
    void powMixesBaseAndExponentTypes() {
        Tensor base = ints(IntegerType.I32, new int[] {3}, 2, 3, -2);
        Tensor e = ints(IntegerType.I64, new int[] {3}, 10, 3, 3);
        Tensor r = run("Pow", base, e);
        assertEquals(IntegerType.I32, r.elementType());
        assertArrayEquals(new long[] {1024, 27, -8}, r.longs());
        Tensor ef = f32(new int[] {3}, 0.5, 2, 2);
        assertArrayEquals(new long[] {1, 9, 4}, run("Pow", base, ef).longs());
        Tensor fb = f32(new int[] {2}, 4, 2);
        assertArrayEquals(new double[] {16, 0.5}, run("Pow", fb, ints(IntegerType.I64, new int[] {2}, 2, -1)).doubles());
        Tensor wrap = run("Pow", ints(IntegerType.I32, new int[] {1}, 2), ints(IntegerType.I32, new int[] {1}, 31));
        assertArrayEquals(new long[] {Integer.MIN_VALUE}, wrap.longs());
    }

    @Test
    void maxMinPropagateNaNAndBroadcastVariadic() {
        Tensor a = f32(new int[] {3}, 1, Double.NaN, 5);
        Tensor b = f32(new int[] {1}, 2);
        Tensor c = f32(new int[] {3}, 0, 0, 9);
        Tensor max = run("Max", a, b, c);
        assertEquals(2.0, max.doubles()[0]);
        assertTrue(Double.isNaN(max.doubles()[1]));
        assertEquals(9.0, max.doubles()[2]);
        assertArrayEquals(new double[] {0, Double.NaN, 2}, run("Min", a, b, c).doubles());
    }

    @Test
    void sumAndMeanOverBroadcastInputs() {
        Tensor a = f32(new int[] {2, 1}, 1, 2);
        Tensor b = f32(new int[] {2}, 10, 20);
        Tensor c = f32(new int[] {}, 3);
        assertArrayEquals(new double[] {14, 24, 15, 25}, run("Sum", a, b, c).doubles());
        assertArrayEquals(new double[] {14 / 3.0f, 8, 5, 25 / 3.0f}, run("Mean", a, b, c).doubles(), 1e-6);
        assertArrayEquals(new double[] {1, 2}, run("Mean", a).doubles());
    }

    @Test
    void legacyAxisBroadcastBeforeOpset7() {
        Tensor a = f32(new int[] {2, 3, 2}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Tensor b = f32(new int[] {3}, 1, 2, 3);
        Map<String, Attribute> attrs = Map.of("broadcast", Attribute.of(1), "axis", Attribute.of(1));
        Tensor c = runAll("Add", attrs, 6, 1, a, b).get(0);
        assertArrayEquals(new double[] {1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3}, c.doubles());
        assertEquals(TensorType.of(FloatType.F32, 2, 3, 2), OpHarness.infer("Add", attrs, 6, a, b).get(0));
    }

    @Test
    void strayLegacyBroadcastAttributesAreIgnoredFromOpset7() {
        Tensor a = f32(new int[] {2, 3, 2}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Tensor b = f32(new int[] {3}, 1, 2, 3);
        Map<String, Attribute> attrs = Map.of("broadcast", Attribute.of(1), "axis", Attribute.of(1));
        NncException e = assertThrows(NncException.class, () -> runAll("Add", attrs, 13, 1, a, b));
        assertTrue(e.oneLine().contains("do not broadcast"), e.oneLine());
    }

    @Test
    void mismatchedShapesAreAnErrorNamingTheNode() {
        NncException e = assertThrows(NncException.class,
                () -> run("Add", f32(new int[] {2}, 1, 2), f32(new int[] {3}, 1, 2, 3)));
        assertTrue(e.oneLine().contains("node 'n'"), e.oneLine());
        assertTrue(e.oneLine().contains("do not broadcast"), e.oneLine());
    }

    @Test
    void integerDivisionByZeroGivesZeroLikeTheReference() {
        assertArrayEquals(new long[] {0}, run("Div", ints(IntegerType.I32, new int[] {1}, 5), ints(IntegerType.I32, new int[] {1}, 0)).longs());
    }

    @Test
    void emptyAndScalarOperandsBroadcast() {
        Tensor empty = f32(new int[] {0, 3});
        Tensor row = f32(new int[] {3}, 1, 2, 3);
        Tensor r = run("Mul", empty, row);
        assertArrayEquals(new int[] {0, 3}, r.shape());
        assertEquals(0, r.size());
        Tensor s = run("Sub", f32(new int[] {}, 10), row);
        assertArrayEquals(new double[] {9, 8, 7}, s.doubles());
        Tensor both = run("Add", f32(new int[] {}, 1), f32(new int[] {}, 2));
        assertArrayEquals(new int[0], both.shape());
        assertArrayEquals(new double[] {3}, both.doubles());
    }

    @Test
    void powFollowsC99ForOneAndNaN() {
        Tensor base = f32(new int[] {3}, 1, -1, Double.NaN);
        Tensor e = f32(new int[] {3}, Double.NaN, Double.POSITIVE_INFINITY, 0);
        assertArrayEquals(new double[] {1, 1, 1}, run("Pow", base, e).doubles());
    }
}
