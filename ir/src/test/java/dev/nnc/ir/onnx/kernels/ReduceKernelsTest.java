package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.i64;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReduceKernelsTest {
    private static final Tensor X = f32(shape(2, 3), 1, -2, 3, 4, 5, -6);

    @Test
    void sumOverAxisInputKeepsDims() {
        Tensor y = KernelRun.of("ReduceSum").in(X).in(i64(1)).run1();
        assertArrayEquals(new int[] {2, 1}, y.shape());
        assertArrayEquals(new double[] {2, 3}, y.doubles());
    }

    @Test
    void attributeAxesAndDroppedDims() {
        Tensor y = KernelRun.of("ReduceMax").in(X).ints("axes", 0).attr("keepdims", 0L).opset(13).run1();
        assertArrayEquals(new int[] {3}, y.shape());
        assertArrayEquals(new double[] {4, 5, 3}, y.doubles());
    }

    @Test
    void everyReducerOverAllAxes() {
        double[] expect = {
            5, 5.0 / 6, 5, -6, 720, 21, Math.sqrt(91), Math.log(5),
            Math.log(Math.exp(1) + Math.exp(-2) + Math.exp(3) + Math.exp(4) + Math.exp(5) + Math.exp(-6)), 91};
        Reducer[] rs = Reducer.values();
        for (int i = 0; i < rs.length; i++) {
            Tensor y = KernelRun.of(rs[i].onnxName()).in(X).attr("keepdims", 0L).run1();
            assertEquals(0, y.rank(), rs[i].onnxName());
            assertEquals((float) expect[i], y.doubles()[0], 1e-6 * Math.abs(expect[i]), rs[i].onnxName());
        }
    }

    @Test
    void emptyAxesWithNoopIsIdentityForSumAndSquareForSumSquare() {
        Tensor sum = KernelRun.of("ReduceSum").in(X).in(Tensor.ofLongs(IntegerType.I64, new int[] {0}, new long[0]))
                .attr("noop_with_empty_axes", 1L).run1();
        assertEquals(X, sum);
        Tensor sq = KernelRun.of("ReduceSumSquare").in(X).attr("noop_with_empty_axes", 1L).run1();
        assertArrayEquals(new double[] {1, 4, 9, 16, 25, 36}, sq.doubles());
    }

    @Test
    void emptySetGivesIdentityValues() {
        Tensor empty = f32(shape(2, 0, 4));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0}, KernelRun.of("ReduceSum").in(empty).in(i64(1)).run1().doubles());
        assertEquals(1.0, KernelRun.of("ReduceProd").in(empty).in(i64(1)).run1().doubles()[0]);
        assertEquals(Double.NEGATIVE_INFINITY, KernelRun.of("ReduceMax").in(empty).in(i64(1)).run1().doubles()[0]);
        assertEquals(Double.NEGATIVE_INFINITY, KernelRun.of("ReduceLogSumExp").in(empty).in(i64(1)).run1().doubles()[0]);
        Tensor ints = Tensor.ofLongs(IntegerType.I32, new int[] {0}, new long[0]);
        assertEquals(Integer.MAX_VALUE, KernelRun.of("ReduceMin").in(ints).run1().longs()[0]);
    }

    @Test
    void integerReductionsWrapAndTruncate() {
        Tensor x = Tensor.ofLongs(IntegerType.I8, new int[] {3}, new long[] {100, 100, -7});
        assertEquals(-63, KernelRun.of("ReduceSum").in(x).run1().longs()[0]); // 193 wraps to -63 in i8
        assertEquals(64, KernelRun.of("ReduceMean").in(x).run1().longs()[0]); // 193 / 3 in exact ints
        Tensor u = Tensor.ofLongs(IntegerType.U64, new int[] {2}, new long[] {-1L, 5});
        assertEquals(-1L, KernelRun.of("ReduceMax").in(u).run1().longs()[0]); // 2^64-1 is the larger
    }

    @Test
    void argMaxFirstOrLastTie() {
        Tensor x = f32(shape(2, 3), 5, 1, 5, 0, 2, 2);
        Tensor first = KernelRun.of("ArgMax").in(x).attr("axis", 1L).run1();
        assertArrayEquals(new int[] {2, 1}, first.shape());
        assertArrayEquals(new long[] {0, 1}, first.longs());
        Tensor last = KernelRun.of("ArgMax").in(x).attr("axis", -1L).attr("select_last_index", 1L).attr("keepdims", 0L).run1();
        assertArrayEquals(new long[] {2, 2}, last.longs());
        assertArrayEquals(new long[] {1, 0, 1}, KernelRun.of("ArgMin").in(x).attr("keepdims", 0L).run1().longs());
    }

    @Test
    void inferenceUsesConstantAxes() {
        List<dev.nnc.ir.type.Type> t = KernelRun.of("ReduceMean").in(f32(shape(2, 3, 4), new double[24])).constIn(i64(-1, 0))
                .attr("keepdims", 0L).infer();
        assertEquals(TensorType.of(FloatType.F32, 3), t.get(0));
    }
}
