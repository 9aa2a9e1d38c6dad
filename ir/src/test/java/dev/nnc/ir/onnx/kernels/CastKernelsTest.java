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
    private static final int COMPLEX64 = 14;
    private static final int FLOAT8E4M3FN = 17;
    private static final int FLOAT8E4M3FNUZ = 18;
    private static final int FLOAT8E5M2 = 19;
    private static final int FLOAT4E2M1 = 23;
    private static final int FLOAT8E8M0 = 24;
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
    void unsupportedTargetIsRejectedNamingTheNode() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {1}, new double[] {1});
        NncException e = assertThrows(NncException.class, () -> run("Cast", to(COMPLEX64), x));
        assertTrue(e.oneLine().contains("node 'n'") && e.oneLine().contains("COMPLEX64"), e.oneLine());
    }

    /** The ONNX saturation table: saturate=1 clamps out of range values and infinities to the largest finite value. */
    @Test
    void float8SaturateClampsAndNoSaturateOverflows() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {6}, new double[] {0.4789, 1e6, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, -1e-7});
        Tensor sat = run("Cast", to(FLOAT8E4M3FN), x);
        assertEquals(FloatType.F8E4M3FN, sat.elementType());
        assertArrayEquals(new long[] {0x2F, 0x7E, 0x7E, 0xFE, 0x7F, 0x80}, codes(sat));
        Map<String, Attribute> noSat = Map.of("to", Attribute.of(FLOAT8E4M3FN), "saturate", Attribute.of(0));
        assertArrayEquals(new long[] {0x2F, 0x7F, 0x7F, 0xFF, 0x7F, 0x80}, codes(run("Cast", noSat, x)));
        Map<String, Attribute> e5m2 = Map.of("to", Attribute.of(FLOAT8E5M2), "saturate", Attribute.of(0));
        assertArrayEquals(new long[] {0x38, 0x7C, 0x7C, 0xFC, 0x7E, 0x80}, codes(run("Cast", e5m2, x)));
        assertArrayEquals(new long[] {0x38, 0x7B, 0x7B, 0xFB, 0x7E, 0x80}, codes(run("Cast", to(FLOAT8E5M2), x)));
        Map<String, Attribute> fnuz = Map.of("to", Attribute.of(FLOAT8E4M3FNUZ), "saturate", Attribute.of(0));
        assertArrayEquals(new long[] {0x37, 0x80, 0x80, 0x80, 0x80, 0x00}, codes(run("Cast", fnuz, x)));
        assertArrayEquals(new long[] {0x37, 0x7F, 0x7F, 0xFF, 0x80, 0x00}, codes(run("Cast", to(FLOAT8E4M3FNUZ), x)));
        // float4 saturates whatever the attribute says; NaN becomes the -0 pattern
        Map<String, Attribute> f4 = Map.of("to", Attribute.of(FLOAT4E2M1), "saturate", Attribute.of(0));
        assertArrayEquals(new long[] {0x1, 0x7, 0x7, 0xF, 0x8, 0x8}, codes(run("Cast", f4, x)));
        // and back: the values widen exactly
        assertArrayEquals(new double[] {0.46875, 448, 448, -448, Double.NaN, -0.0}, run("Cast", to(FLOAT), sat).doubles());
    }

    @Test
    void e8m0RoundsByRoundMode() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {5}, new double[] {0, 0.124, 1.5, 3, -6});
        Tensor up = run("Cast", to(FLOAT8E8M0), x);
        assertEquals(FloatType.F8E8M0FNU, up.elementType());
        assertArrayEquals(new double[] {0x1p-127, 0.125, 2, 4, 8}, up.doubles());
        Map<String, Attribute> down = Map.of("to", Attribute.of(FLOAT8E8M0), "round_mode", Attribute.of("down"));
        assertArrayEquals(new double[] {0x1p-127, 0.0625, 1, 2, 4}, run("Cast", down, x).doubles());
        Map<String, Attribute> nearest = Map.of("to", Attribute.of(FLOAT8E8M0), "round_mode", Attribute.of("nearest"));
        assertArrayEquals(new double[] {0x1p-127, 0.125, 2, 4, 8}, run("Cast", nearest, x).doubles());
        Map<String, Attribute> bad = Map.of("to", Attribute.of(FLOAT8E8M0), "round_mode", Attribute.of("even"));
        NncException e = assertThrows(NncException.class, () -> run("Cast", bad, x));
        assertTrue(e.oneLine().contains("round_mode 'even'"), e.oneLine());
        assertArrayEquals(new long[] {0x00, 0x7C, 0x80, 0x81, 0x82}, codes(up));
    }

    @Test
    void castLikeToFloat8HonoursSaturate() {
        Tensor x = Tensor.ofDoubles(FloatType.F16, new int[] {2}, new double[] {65504, -0.0});
        Tensor like = Tensor.ofDoubles(FloatType.F8E5M2FNUZ, new int[] {0}, new double[0]);
        assertArrayEquals(new long[] {0x7F, 0x00}, codes(run("CastLike", x, like)));
        Tensor r = run("CastLike", Map.of("saturate", Attribute.of(0)), x, like);
        assertEquals(FloatType.F8E5M2FNUZ, r.elementType());
        assertArrayEquals(new long[] {0x80, 0x00}, codes(r));
    }

    private static long[] codes(Tensor t) {
        FloatType ft = (FloatType) t.elementType();
        return java.util.Arrays.stream(t.doubles()).mapToLong(ft::toBits).toArray();
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
