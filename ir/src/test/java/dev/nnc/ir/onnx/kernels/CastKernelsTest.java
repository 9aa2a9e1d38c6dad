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
import dev.nnc.ir.type.StringType;
import dev.nnc.ir.type.TensorType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CastKernelsTest {
    private static final int FLOAT = 1;
    private static final int UINT8 = 2;
    private static final int INT8 = 3;
    private static final int INT32 = 6;
    private static final int STRING = 8;
    private static final int BOOL = 9;
    private static final int FLOAT16 = 10;
    private static final int DOUBLE = 11;
    private static final int BFLOAT16 = 16;
    private static final int FLOAT8E4M3FN = 17;
    private static final int UINT4 = 21;
    private static final int INT4 = 22;

    private static Map<String, Attribute> to(int code) {
        return Map.of("to", Attribute.of(code));
    }

    @Test
    void floatToIntTruncatesThenWrapsLikeTheInt4Tests() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {6}, new double[] {-9, -8, 7, 8, 2.7, -2.7});
        Tensor r = run("Cast", to(INT4), x);
        assertEquals(new IntegerType(4, true), r.elementType());
        assertArrayEquals(new long[] {7, -8, 7, -8, 2, -2}, r.longs());
        assertArrayEquals(new long[] {7, 8, 7, 8, 2, 14}, run("Cast", to(UINT4), x).longs());
        assertArrayEquals(new long[] {-9, -8, 7, 8, 2, -2}, run("Cast", to(INT32), x).longs());
    }

    @Test
    void floatNarrowingRoundsToNearestEven() {
        Tensor x = Tensor.ofDoubles(FloatType.F64, new int[] {2}, new double[] {1 + 0x1p-11, 1 + 3 * 0x1p-11});
        assertArrayEquals(new double[] {1, 1 + 0x1p-9}, run("Cast", to(FLOAT16), x).doubles());
        Tensor b = run("Cast", to(BFLOAT16), Tensor.ofDoubles(FloatType.F32, new int[] {1}, new double[] {1 + 0x1p-8}));
        assertArrayEquals(new double[] {1}, b.doubles());
    }

    @Test
    void integersAndBools() {
        Tensor u64 = Tensor.ofLongs(IntegerType.U64, new int[] {2}, new long[] {-1L, 3});
        Tensor f = run("Cast", to(DOUBLE), u64);
        assertArrayEquals(new double[] {0x1p64, 3}, f.doubles());
        assertArrayEquals(new long[] {-1, 3}, run("Cast", to(INT8), u64).longs());
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {3}, new double[] {0, -0.5, Double.NaN});
        Tensor bool = run("Cast", to(BOOL), x);
        assertEquals(BoolType.I1, bool.elementType());
        assertArrayEquals(new long[] {0, 1, 1}, bool.longs());
        assertArrayEquals(new double[] {0, 1, 1}, run("Cast", to(FLOAT), bool).doubles());
    }

    @Test
    void numbersToStringsLikeNumpy() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {8}, new double[] {1, 0.1, -2.5, 1e-5, 1.5e16, 123456.7,
            Double.NaN, Double.NEGATIVE_INFINITY});
        Tensor s = run("Cast", to(STRING), x);
        assertEquals(StringType.STR, s.elementType());
        assertArrayEquals(new String[] {"1.0", "0.1", "-2.5", "1e-05", "1.5e+16", "123456.7", "nan", "-inf"}, s.strings());
        Tensor b = Tensor.ofLongs(BoolType.I1, new int[] {2}, new long[] {1, 0});
        assertArrayEquals(new String[] {"True", "False"}, run("Cast", to(STRING), b).strings());
        Tensor u = Tensor.ofLongs(IntegerType.U64, new int[] {1}, new long[] {-1L});
        assertArrayEquals(new String[] {"18446744073709551615"}, run("Cast", to(STRING), u).strings());
    }

    @Test
    void stringsToNumbersIncludingInfAndNaN() {
        Tensor s = Tensor.ofStrings(new int[] {5}, new String[] {"0.47892547", "+INF", "-INF", "NaN", "1e3"});
        double[] r = run("Cast", to(FLOAT), s).doubles();
        assertEquals((double) 0.47892547f, r[0]);
        assertEquals(Double.POSITIVE_INFINITY, r[1]);
        assertEquals(Double.NEGATIVE_INFINITY, r[2]);
        assertTrue(Double.isNaN(r[3]));
        assertEquals(1000.0, r[4]);
        Tensor i = Tensor.ofStrings(new int[] {2}, new String[] {"-7", "300"});
        assertArrayEquals(new long[] {249, 44}, run("Cast", to(UINT8), i).longs());
        NncException e = assertThrows(NncException.class,
                () -> run("Cast", to(FLOAT), Tensor.ofStrings(new int[] {1}, new String[] {"abc"})));
        assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
    }

    @Test
    void float8TargetIsRejectedNamingTheNode() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {1}, new double[] {1});
        NncException e = assertThrows(NncException.class, () -> run("Cast", to(FLOAT8E4M3FN), x));
        assertTrue(e.oneLine().contains("node 'n'") && e.oneLine().contains("FLOAT8E4M3FN"), e.oneLine());
    }

    @Test
    void castLikeTakesTheSecondInputsType() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {2}, new double[] {1.9, -1.9});
        Tensor like = Tensor.ofLongs(IntegerType.I16, new int[] {0}, new long[0]);
        Tensor r = run("CastLike", x, like);
        assertEquals(IntegerType.I16, r.elementType());
        assertArrayEquals(new long[] {1, -1}, r.longs());
        assertEquals(TensorType.of(IntegerType.I16, 2), OpHarness.infer("CastLike", Map.of(), 21, x, like).get(0));
    }

    @Test
    void opset1CastNamesTheTypeAsAString() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {1}, new double[] {3.5});
        Tensor r = OpHarness.runAll("Cast", Map.of("to", Attribute.of("INT64")), 1, 1, x).get(0);
        assertArrayEquals(new long[] {3}, r.longs());
    }
}
