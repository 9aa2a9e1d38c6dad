package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OpHarness.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogicKernelsTest {
    private static Tensor bools(int[] shape, long... v) {
        return Tensor.ofLongs(BoolType.I1, shape, v);
    }

    @Test
    void comparisonsGiveBoolsAndNaNComparesFalse() {
        Tensor a = Tensor.ofDoubles(FloatType.F32, new int[] {3}, new double[] {1, Double.NaN, 3});
        Tensor b = Tensor.ofDoubles(FloatType.F32, new int[] {1}, new double[] {2});
        Tensor lt = run("Less", a, b);
        assertEquals(BoolType.I1, lt.elementType());
        assertArrayEquals(new long[] {1, 0, 0}, lt.longs());
        assertArrayEquals(new long[] {0, 0, 1}, run("GreaterOrEqual", a, b).longs());
        assertArrayEquals(new long[] {0, 0, 0}, run("Equal", a, b).longs());
        assertEquals(TensorType.of(BoolType.I1, 3), OpHarness.infer("Less", Map.of(), 13, a, b).get(0));
    }

    @Test
    void u64ComparesUnsigned() {
        Tensor a = Tensor.ofLongs(IntegerType.U64, new int[] {2}, new long[] {-1L, 1});
        Tensor b = Tensor.ofLongs(IntegerType.U64, new int[] {2}, new long[] {1, -1L});
        assertArrayEquals(new long[] {1, 0}, run("Greater", a, b).longs());
        assertArrayEquals(new long[] {0, 1}, run("LessOrEqual", a, b).longs());
    }

    @Test
    void equalOnStringsBroadcasts() {
        Tensor a = Tensor.ofStrings(new int[] {3}, new String[] {"a", "b", "c"});
        Tensor b = Tensor.ofStrings(new int[] {1}, new String[] {"b"});
        assertArrayEquals(new long[] {0, 1, 0}, run("Equal", a, b).longs());
    }

    @Test
    void booleanLogicBroadcasts() {
        Tensor a = bools(new int[] {2, 2}, 1, 0, 1, 1);
        Tensor b = bools(new int[] {2}, 1, 0);
        assertArrayEquals(new long[] {1, 0, 1, 0}, run("And", a, b).longs());
        assertArrayEquals(new long[] {1, 0, 1, 1}, run("Or", a, b).longs());
        assertArrayEquals(new long[] {0, 0, 0, 1}, run("Xor", a, b).longs());
        assertArrayEquals(new long[] {0, 1, 0, 0}, run("Not", a).longs());
    }

    @Test
    void bitShiftWrapsAndDropsBitsPastTheWidth() {
        Tensor x = Tensor.ofLongs(IntegerType.U8, new int[] {3}, new long[] {255, 16, 1});
        Tensor s = Tensor.ofLongs(IntegerType.U8, new int[] {3}, new long[] {1, 2, 8});
        assertArrayEquals(new long[] {254, 64, 0}, run("BitShift", Map.of("direction", Attribute.of("LEFT")), x, s).longs());
        assertArrayEquals(new long[] {127, 4, 0}, run("BitShift", Map.of("direction", Attribute.of("RIGHT")), x, s).longs());
        Tensor big = Tensor.ofLongs(IntegerType.U64, new int[] {1}, new long[] {Long.MIN_VALUE});
        Tensor one = Tensor.ofLongs(IntegerType.U64, new int[] {1}, new long[] {1});
        assertArrayEquals(new long[] {1L << 62}, run("BitShift", Map.of("direction", Attribute.of("RIGHT")), big, one).longs());
    }

    @Test
    void bitwiseOpsKeepTheWidth() {
        Tensor a = Tensor.ofLongs(IntegerType.U8, new int[] {2}, new long[] {0b1100, 0xF0});
        Tensor b = Tensor.ofLongs(IntegerType.U8, new int[] {2}, new long[] {0b1010, 0x0F});
        assertArrayEquals(new long[] {0b1000, 0}, run("BitwiseAnd", a, b).longs());
        assertArrayEquals(new long[] {0b1110, 0xFF}, run("BitwiseOr", a, b).longs());
        assertArrayEquals(new long[] {0b0110, 0xFF}, run("BitwiseXor", a, b).longs());
        assertArrayEquals(new long[] {0xF3, 0x0F}, run("BitwiseNot", a).longs());
        Tensor i = Tensor.ofLongs(IntegerType.I16, new int[] {1}, new long[] {0});
        assertArrayEquals(new long[] {-1}, run("BitwiseNot", i).longs());
    }

    @Test
    void whereBroadcastsThreeWaysOverAnyType() {
        Tensor c = bools(new int[] {2, 1}, 1, 0);
        Tensor x = Tensor.ofLongs(IntegerType.I64, new int[] {3}, new long[] {1, 2, 3});
        Tensor y = Tensor.ofLongs(IntegerType.I64, new int[] {}, new long[] {-1});
        Tensor r = run("Where", c, x, y);
        assertArrayEquals(new int[] {2, 3}, r.shape());
        assertArrayEquals(new long[] {1, 2, 3, -1, -1, -1}, r.longs());
        Tensor xs = Tensor.ofStrings(new int[] {1}, new String[] {"yes"});
        Tensor ys = Tensor.ofStrings(new int[] {1}, new String[] {"no"});
        assertArrayEquals(new String[] {"yes", "no"}, run("Where", c, xs, ys).strings());
        assertEquals(TensorType.of(IntegerType.I64, 2, 3), OpHarness.infer("Where", Map.of(), 16, c, x, y).get(0));
    }
}
