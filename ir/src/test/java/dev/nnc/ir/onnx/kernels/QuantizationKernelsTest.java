package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuantizationKernelsTest {
    @Test
    void quantizeRoundsHalfToEvenAndSaturates() {
        Tensor x = f32(shape(6), 0, 1.5, 2.5, -3, 300, -0.5);
        Tensor y = KernelRun.of("QuantizeLinear").in(x).in(Tensor.scalar(FloatType.F32, 1)).run1();
        assertEquals(IntegerType.U8, y.elementType());
        assertArrayEquals(new long[] {0, 2, 2, 0, 255, 0}, y.longs());
        Tensor i8 = KernelRun.of("QuantizeLinear").in(x).in(Tensor.scalar(FloatType.F32, 0.5)).in(Tensor.scalar(IntegerType.I8, -1)).run1();
        assertArrayEquals(new long[] {-1, 2, 4, -7, 127, -2}, i8.longs());
        IntegerType i4 = new IntegerType(4, true);
        Tensor q4 = KernelRun.of("QuantizeLinear").in(f32(shape(2), 10, -10)).in(Tensor.scalar(FloatType.F32, 1)).in(Tensor.scalar(i4, 0)).run1();
        assertArrayEquals(new long[] {7, -8}, q4.longs());
    }

    @Test
    void perAxisAndBlockedScales() {
        Tensor x = f32(shape(2, 2), 2, 4, 6, 8);
        Tensor axis = KernelRun.of("QuantizeLinear").in(x).in(f32(shape(2), 1, 2)).run1();
        assertArrayEquals(new long[] {2, 2, 6, 4}, axis.longs());
        Tensor rows = KernelRun.of("QuantizeLinear").attr("axis", 0).in(x).in(f32(shape(2), 1, 2)).run1();
        assertArrayEquals(new long[] {2, 4, 3, 4}, rows.longs());
        Tensor blocked = KernelRun.of("QuantizeLinear").attr("block_size", 2).in(f32(shape(1, 4), 2, 4, 6, 8)).in(f32(shape(1, 2), 2, 1)).run1();
        assertArrayEquals(new long[] {1, 2, 6, 8}, blocked.longs());
        Tensor q = Tensor.ofLongs(IntegerType.I8, shape(2, 2), new long[] {1, 2, 3, 4});
        Tensor dq = KernelRun.of("DequantizeLinear").in(q).in(f32(shape(2), 0.5, 2)).in(Tensor.ofLongs(IntegerType.I8, shape(2), new long[] {1, 0})).run1();
        assertEquals(FloatType.F32, dq.elementType());
        assertArrayEquals(new double[] {0, 4, 1, 8}, dq.doubles());
    }

    @Test
    void dynamicQuantizeLinear() {
        List<Tensor> r = KernelRun.of("DynamicQuantizeLinear").outputs(3).in(f32(shape(3), 0, 1.275, 2.55)).run();
        float scale = (float) ((float) 2.55 / 255.0);
        assertEquals((double) scale, r.get(1).doubles()[0]);
        assertEquals(0, r.get(2).longs()[0]);
        assertArrayEquals(new long[] {0, 128, 255}, r.get(0).longs());
    }

    @Test
    void qlinearMatMulRequantizes() {
        Tensor a = Tensor.ofLongs(IntegerType.U8, shape(1, 2), new long[] {10, 20});
        Tensor b = Tensor.ofLongs(IntegerType.U8, shape(2, 1), new long[] {3, 4});
        Tensor s = Tensor.scalar(FloatType.F32, 1);
        Tensor zero = Tensor.scalar(IntegerType.U8, 0);
        // (10*3 + 20*4) * 1*1/4 + 1 = 28.5, rounded half to even after adding the zero point
        Tensor y = KernelRun.of("QLinearMatMul").in(a).in(s).in(zero).in(b).in(s).in(zero).in(Tensor.scalar(FloatType.F32, 4)).in(Tensor.scalar(IntegerType.U8, 1)).run1();
        assertArrayEquals(new long[] {28}, y.longs());
    }

    @Test
    void qlinearConvWithPerChannelWeightScale() {
        Tensor x = Tensor.ofLongs(IntegerType.U8, shape(1, 1, 1, 2), new long[] {12, 14});
        Tensor w = Tensor.ofLongs(IntegerType.I8, shape(2, 1, 1, 1), new long[] {1, -1});
        Tensor y = KernelRun.of("QLinearConv").in(x).in(Tensor.scalar(FloatType.F32, 1)).in(Tensor.scalar(IntegerType.U8, 10)).in(w).in(f32(shape(2), 1, 2)).in(Tensor.scalar(IntegerType.I8, 0)).in(Tensor.scalar(FloatType.F32, 1)).in(Tensor.scalar(IntegerType.U8, 100)).run1();
        assertEquals(IntegerType.U8, y.elementType());
        assertArrayEquals(new long[] {102, 104, 96, 92}, y.longs());
        assertEquals(List.of(TensorType.of(IntegerType.U8, 1, 2, 1, 2)), KernelRun.of("QLinearConv").in(x).in(Tensor.scalar(FloatType.F32, 1)).in(Tensor.scalar(IntegerType.U8, 10)).in(w).in(f32(shape(2), 1, 2)).in(Tensor.scalar(IntegerType.I8, 0)).in(Tensor.scalar(FloatType.F32, 1)).in(Tensor.scalar(IntegerType.U8, 100)).infer());
    }

    @Test
    void infersQuantizedTypesFromZeroPointOrOutputDtype() {
        Tensor x = Tensor.zeros(FloatType.F32, shape(2, 3));
        Tensor s = Tensor.scalar(FloatType.F32, 1);
        assertEquals(List.of(TensorType.of(IntegerType.I8, 2, 3)), KernelRun.of("QuantizeLinear").in(x).in(s).in(Tensor.scalar(IntegerType.I8, 0)).infer());
        assertEquals(List.of(TensorType.of(IntegerType.U8, 2, 3)), KernelRun.of("QuantizeLinear").in(x).in(s).infer());
        assertEquals(List.of(TensorType.of(IntegerType.U16, 2, 3)), KernelRun.of("QuantizeLinear").attr("output_dtype", 4).in(x).in(s).infer());
        Tensor q = Tensor.zeros(IntegerType.I8, shape(2, 3));
        assertEquals(List.of(TensorType.of(FloatType.F16, 2, 3)), KernelRun.of("DequantizeLinear").in(q).in(Tensor.scalar(FloatType.F16, 1)).infer());
    }

    @Test
    void qlinearMatMulPerRowAndPerColumnScales() {
        Tensor a = Tensor.ofLongs(IntegerType.U8, shape(2, 1), new long[] {1, 2});
        Tensor b = Tensor.ofLongs(IntegerType.U8, shape(1, 2), new long[] {3, 4});
        Tensor zero = Tensor.scalar(IntegerType.U8, 0);
        Tensor y = KernelRun.of("QLinearMatMul").in(a).in(f32(shape(2), 1, 2)).in(zero).in(b).in(f32(shape(2), 1, 10)).in(zero).in(Tensor.scalar(FloatType.F32, 1)).in(zero).run1();
        assertArrayEquals(new long[] {3, 40, 12, 160}, y.longs());
    }

    /** The ONNX backend tests' cases: float8 saturates x / scale, float4 adds the zero point and saturates. */
    @Test
    void quantizeToFloat8AndFloat4() {
        Tensor x = f32(shape(5), 0, 1, 2, 100000, 200);
        Tensor zp8 = Tensor.ofDoubles(FloatType.F8E4M3FN, shape(1), new double[] {0});
        Tensor y = KernelRun.of("QuantizeLinear").in(x).in(Tensor.scalar(FloatType.F32, 2)).in(zp8).run1();
        assertEquals(FloatType.F8E4M3FN, y.elementType());
        assertArrayEquals(new double[] {0, 0.5, 1, 448, 96}, y.doubles());
        Tensor noSat = KernelRun.of("QuantizeLinear").attr("saturate", 0).in(x).in(Tensor.scalar(FloatType.F32, 2)).in(zp8).run1();
        assertEquals(Double.NaN, noSat.doubles()[3]);
        Tensor zp4 = Tensor.ofDoubles(FloatType.F4E2M1FN, shape(2), new double[] {0, 1});
        Tensor y4 = KernelRun.of("QuantizeLinear").attr("axis", 0).in(f32(shape(2, 2), 2.5, -30, -0.0, 9)).in(f32(shape(2), 2, 3)).in(zp4).run1();
        assertArrayEquals(new double[] {1, -6, 1, 4}, y4.doubles());
        assertEquals(List.of(TensorType.of(FloatType.F4E2M1FN, 2, 2)),
                KernelRun.of("QuantizeLinear").attr("axis", 0).in(f32(shape(2, 2), 1, 2, 3, 4)).in(f32(shape(2), 2, 3)).in(zp4).infer());
    }

    @Test
    void dequantizeFromFloat8() {
        Tensor q = Tensor.ofDoubles(FloatType.F8E4M3FN, shape(3), new double[] {0.5, 448, -104});
        Tensor y = KernelRun.of("DequantizeLinear").in(q).in(Tensor.scalar(FloatType.F16, 2)).run1();
        assertEquals(FloatType.F16, y.elementType());
        assertArrayEquals(new double[] {1, 896, -208}, y.doubles());
    }
}
