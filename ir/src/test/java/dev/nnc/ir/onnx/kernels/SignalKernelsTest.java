package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import org.junit.jupiter.api.Test;

class SignalKernelsTest {
    private static final double EPS = 1e-6;

    @Test
    void hannPeriodicAndSymmetric() {
        Tensor size = Tensor.scalar(IntegerType.I64, 4);
        assertArrayEquals(new double[] {0, 0.5, 1, 0.5}, KernelRun.of("HannWindow").in(size).opset(17).run1().doubles(), EPS);
        Tensor sym = KernelRun.of("HannWindow").in(size).attr("periodic", 0L).attr("output_datatype", 11L).opset(17).run1();
        assertEquals(FloatType.F64, sym.elementType());
        assertArrayEquals(new double[] {0, 0.75, 0.75, 0}, sym.doubles(), 1e-12);
    }

    @Test
    void dftOfRealSignalAndItsInverse() {
        Tensor x = f32(shape(1, 4, 1), 1, 2, 3, 4); // [batch, n, real]
        Tensor y = KernelRun.of("DFT").in(x).attr("axis", 1L).opset(17).run1();
        assertArrayEquals(new int[] {1, 4, 2}, y.shape());
        assertArrayEquals(new double[] {10, 0, -2, 2, -2, 0, -2, -2}, y.doubles(), 1e-5);
        Tensor back = KernelRun.of("DFT").in(y).attr("axis", 1L).attr("inverse", 1L).opset(17).run1();
        assertArrayEquals(new double[] {1, 0, 2, 0, 3, 0, 4, 0}, back.doubles(), 1e-5);
    }

    @Test
    void onesidedInverseGivesRealSignal() {
        Tensor half = f32(shape(1, 3, 2), 10, 0, -2, 2, -2, 0); // rfft of [1, 2, 3, 4]
        Tensor y = KernelRun.of("DFT").in(half).attr("inverse", 1L).attr("onesided", 1L).opset(20).run1();
        assertArrayEquals(new int[] {1, 4, 1}, y.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, y.doubles(), 1e-5);
    }

    @Test
    void stftFramesWithHop() {
        Tensor x = f32(shape(1, 6, 1), 1, 1, 2, 2, 3, 3);
        Tensor y = KernelRun.of("STFT").in(x).in(Tensor.scalar(IntegerType.I64, 2)).in(null)
                .in(Tensor.scalar(IntegerType.I64, 2)).opset(17).run1();
        assertArrayEquals(new int[] {1, 3, 2, 2}, y.shape()); // 3 frames, 2 onesided bins, complex
        assertArrayEquals(new double[] {2, 0, 0, 0, 4, 0, 0, 0, 6, 0, 0, 0}, y.doubles(), 1e-5);
    }

    @Test
    void determinantOfStackedMatrices() {
        Tensor x = f32(shape(2, 2, 2), 1, 2, 3, 4, 0, 1, 1, 0);
        assertArrayEquals(new double[] {-2, -1}, KernelRun.of("Det").in(x).run1().doubles(), EPS);
    }

    @Test
    void inferenceOfWindowAndDftShapes() {
        var w = KernelRun.of("HammingWindow").constIn(Tensor.scalar(IntegerType.I64, 8)).opset(17).infer();
        assertEquals(dev.nnc.ir.type.TensorType.of(FloatType.F32, 8), w.get(0));
        var d = KernelRun.of("DFT").in(f32(shape(2, 10, 1), new double[20])).constIn(Tensor.scalar(IntegerType.I64, 16))
                .attr("onesided", 1L).opset(20).infer();
        assertEquals(dev.nnc.ir.type.TensorType.of(FloatType.F32, 2, 9, 2), d.get(0));
    }
}
