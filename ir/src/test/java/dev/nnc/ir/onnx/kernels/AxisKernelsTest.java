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

class AxisKernelsTest {
    @Test
    void cumSumExclusiveReverse() {
        Tensor x = f32(shape(5), 1, 2, 3, 4, 5);
        Tensor scalarAxis = Tensor.scalar(IntegerType.I32, 0);
        assertArrayEquals(new double[] {1, 3, 6, 10, 15}, KernelRun.of("CumSum").in(x).in(scalarAxis).run1().doubles());
        assertArrayEquals(new double[] {14, 12, 9, 5, 0},
                KernelRun.of("CumSum").in(x).in(scalarAxis).attr("exclusive", 1L).attr("reverse", 1L).run1().doubles());
    }

    @Test
    void cumProdAlongNegativeAxisOfInts() {
        Tensor x = Tensor.ofLongs(IntegerType.I32, new int[] {2, 3}, new long[] {1, 2, 3, 4, 5, 6});
        Tensor y = KernelRun.of("CumProd").in(x).in(i64(-1)).opset(26).run1();
        assertArrayEquals(new long[] {1, 2, 6, 4, 20, 120}, y.longs());
        Tensor ex = KernelRun.of("CumProd").in(x).in(i64(0)).attr("exclusive", 1L).opset(26).run1();
        assertArrayEquals(new long[] {1, 1, 1, 1, 2, 3}, ex.longs());
    }

    @Test
    void topKLargestKeepsLowerIndexOnTies() {
        Tensor x = f32(shape(2, 4), 3, 7, 7, 1, 0, 0, 0, 0);
        List<Tensor> r = KernelRun.of("TopK").in(x).in(i64(2)).outputs(2).run();
        assertArrayEquals(new int[] {2, 2}, r.get(0).shape());
        assertArrayEquals(new double[] {7, 7, 0, 0}, r.get(0).doubles());
        assertArrayEquals(new long[] {1, 2, 0, 1}, r.get(1).longs());
    }

    @Test
    void topKSmallestOnAxisZeroAndUnsigned() {
        Tensor x = f32(shape(3, 2), 5, 1, 2, 1, 9, 0);
        List<Tensor> r = KernelRun.of("TopK").in(x).in(i64(1)).attr("axis", 0L).attr("largest", 0L).outputs(2).run();
        assertArrayEquals(new double[] {2, 0}, r.get(0).doubles());
        assertArrayEquals(new long[] {1, 2}, r.get(1).longs());
        Tensor u = Tensor.ofLongs(IntegerType.U64, new int[] {3}, new long[] {1, -1L, 7});
        assertArrayEquals(new long[] {-1L, 7}, KernelRun.of("TopK").in(u).in(i64(2)).outputs(2).run().get(0).longs());
    }

    @Test
    void topKInfersKFromConstant() {
        var t = KernelRun.of("TopK").in(f32(shape(2, 5), new double[10])).constIn(i64(3)).outputs(2).infer();
        assertEquals(TensorType.of(FloatType.F32, 2, 3), t.get(0));
        assertEquals(TensorType.of(IntegerType.I64, 2, 3), t.get(1));
    }
}
