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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Range over the whole i64 span (limit - start overflows a long) and Split's num_outputs check. */
class RangeSplitEdgeTest {
    private static Tensor i64(long v) {
        return Tensor.scalar(IntegerType.I64, v);
    }

    @Test
    void rangeWhoseSpanOverflowsALong() {
        Tensor r = run("Range", i64(Long.MIN_VALUE), i64(Long.MAX_VALUE), i64(1L << 62));
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MIN_VALUE + (1L << 62), 0, 1L << 62}, r.longs());
    }

    @Test
    void rangeWithDeltaMinValue() {
        assertArrayEquals(new long[] {0}, run("Range", i64(0), i64(Long.MIN_VALUE), i64(Long.MIN_VALUE)).longs());
        // -1 + MIN wraps past the limit: only the start is in [limit, start)
        assertArrayEquals(new long[] {-1}, run("Range", i64(-1), i64(Long.MIN_VALUE), i64(Long.MIN_VALUE)).longs());
        assertEquals(2, GenerateKernels.rangeCount(i64(5), i64(Long.MIN_VALUE), i64(Long.MIN_VALUE)));
    }

    @Test
    void splitNumOutputsMustMatchTheResultCount() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {6}, new double[] {1, 2, 3, 4, 5, 6});
        NncException e = assertThrows(NncException.class, () -> runAll("Split", Map.of("num_outputs", Attribute.of(3)), 18, 2, x));
        assertTrue(e.oneLine().contains("num_outputs = 3 but the node has 2 outputs"), e.oneLine());
        NncException inf = assertThrows(NncException.class, () -> OpHarness.infer("Split", Map.of("num_outputs", Attribute.of(3)), 18, x));
        assertTrue(inf.getMessage().contains("num_outputs = 3 but the node has 1 outputs"), inf.getMessage());
        List<Tensor> parts = runAll("Split", Map.of("num_outputs", Attribute.of(2)), 18, 2, x);
        assertArrayEquals(new double[] {4, 5, 6}, parts.get(1).doubles());
    }
}
