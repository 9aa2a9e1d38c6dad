package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OneOp.f32;
import static dev.nnc.ir.onnx.kernels.OneOp.shape;
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
        Tensor y = OneOp.of("Gemm").i("transA", 1).f("alpha", 2).f("beta", 10).run1(A, A, c);
        assertArrayEquals(shape(3, 3), y.shape());
        assertArrayEquals(new double[] {44, 64, 84, 54, 78, 102, 64, 92, 120}, y.doubles());
        // A * B^T with B = A: [[14, 32], [32, 77]]
        assertArrayEquals(new double[] {14, 32, 32, 77}, OneOp.of("Gemm").i("transB", 1).run1(A, A).doubles());
    }

    @Test
    void matmulPromotesVectorsAndBroadcastsBatches() {
        Tensor v = f32(shape(3), 1, 0, -1);
        Tensor mv = OneOp.of("MatMul").run1(A, v);
        assertArrayEquals(shape(2), mv.shape());
        assertArrayEquals(new double[] {-2, -2}, mv.doubles());
        Tensor vm = OneOp.of("MatMul").run1(f32(shape(2), 1, 1), A);
        assertArrayEquals(shape(3), vm.shape());
        assertArrayEquals(new double[] {5, 7, 9}, vm.doubles());
        // [2,1,2,3] x [3,3,1] -> [2,3,2,1]
        Tensor a = OneOp.iota(2, 1, 2, 3);
        Tensor b = f32(shape(3, 3, 1), 1, 0, 0, 0, 1, 0, 0, 0, 1);
        Tensor y = OneOp.of("MatMul").run1(a, b);
        assertArrayEquals(shape(2, 3, 2, 1), y.shape());
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11}, y.doubles());
    }

    @Test
    void integerMatmulWrapsLikeTheElementType() {
        Tensor a = Tensor.ofLongs(IntegerType.I32, shape(1, 2), new long[] {0x40000000, 0x40000000});
        Tensor b = Tensor.ofLongs(IntegerType.I32, shape(2, 1), new long[] {2, 2});
        assertEquals(0, OneOp.of("MatMul").run1(a, b).longs()[0]);
    }

    @Test
    void matmulIntegerWithPerColumnZeroPoint() {
        Tensor a = Tensor.ofLongs(IntegerType.U8, shape(1, 2), new long[] {3, 4});
        Tensor b = Tensor.ofLongs(IntegerType.U8, shape(2, 2), new long[] {1, 10, 2, 20});
        Tensor aZero = Tensor.scalar(IntegerType.U8, 1);
        Tensor bZero = Tensor.ofLongs(IntegerType.U8, shape(2), new long[] {1, 10});
        // (3-1, 4-1) x [[0, 0], [1, 10]] = [3, 30]
        Tensor y = OneOp.of("MatMulInteger").run1(a, b, aZero, bZero);
        assertEquals(IntegerType.I32, y.elementType());
        assertArrayEquals(new long[] {3, 30}, y.longs());
    }

    @Test
    void einsumTransposeTraceAndBatchMatmul() {
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, OneOp.of("Einsum").s("equation", "ij->ji").run1(A).doubles());
        Tensor sq = f32(shape(2, 2), 1, 2, 3, 4);
        assertArrayEquals(new double[] {5}, OneOp.of("Einsum").s("equation", "ii").run1(sq).doubles());
        Tensor y = OneOp.of("Einsum").s("equation", "...ij,...jk").run1(A.reshape(shape(1, 2, 3)), A.reshape(shape(1, 3, 2)));
        assertArrayEquals(shape(1, 2, 2), y.shape());
        assertArrayEquals(new double[] {22, 28, 49, 64}, y.doubles());
    }

    @Test
    void infersShapesAndRejectsMismatchedInnerDims() {
        assertEquals(List.of(TensorType.of(FloatType.F32, 3, 3)), OneOp.of("Gemm").i("transA", 1).infer(A, A));
        assertEquals(List.of(TensorType.of(FloatType.F32, 2)), OneOp.of("MatMul").infer(A, f32(shape(3), 1, 2, 3)));
        assertThrows(NncException.class, () -> OneOp.of("MatMul").run1(A, A));
    }
}
