package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatMulKernelsTest {
    private static final Tensor A = f32(shape(2, 3), 1, 2, 3, 4, 5, 6);

    @Test
    void gemmWithTransposesAlphaBetaAndRowBias() {
        // A^T is [3,2]; B = A gives A^T * A = [[17,22,27],[22,29,36],[27,36,45]]
        Tensor c = f32(shape(3), 1, 2, 3);
        Tensor y = KernelRun.of("Gemm").attr("transA", 1).attr("alpha", 2.0).attr("beta", 10.0).in(A).in(A).in(c).run1();
        assertArrayEquals(shape(3, 3), y.shape());
        assertArrayEquals(new double[] {44, 64, 84, 54, 78, 102, 64, 92, 120}, y.doubles());
        // A * B^T with B = A: [[14, 32], [32, 77]]
        assertArrayEquals(new double[] {14, 32, 32, 77}, KernelRun.of("Gemm").attr("transB", 1).in(A).in(A).run1().doubles());
    }

    @Test
    void matmulPromotesVectorsAndBroadcastsBatches() {
        Tensor v = f32(shape(3), 1, 0, -1);
        Tensor mv = KernelRun.of("MatMul").in(A).in(v).run1();
        assertArrayEquals(shape(2), mv.shape());
        assertArrayEquals(new double[] {-2, -2}, mv.doubles());
        Tensor vm = KernelRun.of("MatMul").in(f32(shape(2), 1, 1)).in(A).run1();
        assertArrayEquals(shape(3), vm.shape());
        assertArrayEquals(new double[] {5, 7, 9}, vm.doubles());
        // [2,1,2,3] x [3,3,1] -> [2,3,2,1]
        Tensor a = KernelRun.iota(2, 1, 2, 3);
        Tensor b = f32(shape(3, 3, 1), 1, 0, 0, 0, 1, 0, 0, 0, 1);
        Tensor y = KernelRun.of("MatMul").in(a).in(b).run1();
        assertArrayEquals(shape(2, 3, 2, 1), y.shape());
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11}, y.doubles());
    }

    @Test
    void integerMatmulWrapsLikeTheElementType() {
        Tensor a = Tensor.ofLongs(IntegerType.I32, shape(1, 2), new long[] {0x40000000, 0x40000000});
        Tensor b = Tensor.ofLongs(IntegerType.I32, shape(2, 1), new long[] {2, 2});
        assertEquals(0, KernelRun.of("MatMul").in(a).in(b).run1().longs()[0]);
    }

    @Test
    void matmulIntegerWithPerColumnZeroPoint() {
        Tensor a = Tensor.ofLongs(IntegerType.U8, shape(1, 2), new long[] {3, 4});
        Tensor b = Tensor.ofLongs(IntegerType.U8, shape(2, 2), new long[] {1, 10, 2, 20});
        Tensor aZero = Tensor.scalar(IntegerType.U8, 1);
        Tensor bZero = Tensor.ofLongs(IntegerType.U8, shape(2), new long[] {1, 10});
        // (3-1, 4-1) x [[0, 0], [1, 10]] = [3, 30]
        Tensor y = KernelRun.of("MatMulInteger").in(a).in(b).in(aZero).in(bZero).run1();
        assertEquals(IntegerType.I32, y.elementType());
        assertArrayEquals(new long[] {3, 30}, y.longs());
    }

    @Test
    void einsumTransposeTraceAndBatchMatmul() {
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, KernelRun.of("Einsum").attr("equation", "ij->ji").in(A).run1().doubles());
        Tensor sq = f32(shape(2, 2), 1, 2, 3, 4);
        assertArrayEquals(new double[] {5}, KernelRun.of("Einsum").attr("equation", "ii").in(sq).run1().doubles());
        Tensor y = KernelRun.of("Einsum").attr("equation", "...ij,...jk").in(A.reshape(shape(1, 2, 3))).in(A.reshape(shape(1, 3, 2))).run1();
        assertArrayEquals(shape(1, 2, 2), y.shape());
        assertArrayEquals(new double[] {22, 28, 49, 64}, y.doubles());
    }

    @Test
    void infersShapesAndRejectsMismatchedInnerDims() {
        assertEquals(List.of(TensorType.of(FloatType.F32, 3, 3)), KernelRun.of("Gemm").attr("transA", 1).in(A).in(A).infer());
        assertEquals(List.of(TensorType.of(FloatType.F32, 2)), KernelRun.of("MatMul").in(A).in(f32(shape(3), 1, 2, 3)).infer());
        assertThrows(NncException.class, () -> KernelRun.of("MatMul").in(A).in(A).run1());
    }
}
