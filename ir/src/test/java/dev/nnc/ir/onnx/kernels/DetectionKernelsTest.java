package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.i64;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import org.junit.jupiter.api.Test;

class DetectionKernelsTest {
    @Test
    void nmsKeepsBestAndDropsOverlaps() {
        // boxes as [y1, x1, y2, x2]: 0 and 1 overlap heavily (IoU 0.81), 2 is apart
        Tensor boxes = f32(shape(1, 3, 4), 0, 0, 1, 1, 0, 0.1, 1, 1.1, 0, 5, 1, 6);
        Tensor scores = f32(shape(1, 1, 3), 0.8, 0.9, 0.7);
        Tensor y = KernelRun.of("NonMaxSuppression").in(boxes).in(scores).in(i64(3)).in(f32(shape(1), 0.5)).run1();
        assertArrayEquals(new int[] {2, 3}, y.shape());
        assertArrayEquals(new long[] {0, 0, 1, 0, 0, 2}, y.longs());
        Tensor limited = KernelRun.of("NonMaxSuppression").in(boxes).in(scores).in(i64(1)).in(f32(shape(1), 0.5)).run1();
        assertArrayEquals(new long[] {0, 0, 1}, limited.longs());
    }

    @Test
    void roiAlignAveragesBilinearTaps() {
        Tensor x = f32(shape(1, 1, 2, 2), 0, 1, 2, 3);
        Tensor rois = f32(shape(1, 4), 0, 0, 2, 2);
        Tensor y = KernelRun.of("RoiAlign").in(x).in(rois).in(i64(0)).attr("sampling_ratio", 1L).run1();
        // half_pixel: roi [-0.5, 1.5]^2, one tap at its centre (0.5, 0.5): bilinear mean of all four = 1.5
        assertArrayEquals(new double[] {1.5}, y.doubles(), 1e-6);
    }

    @Test
    void gridSampleIdentityGridReproducesInput() {
        Tensor x = f32(shape(1, 1, 2, 2), 1, 2, 3, 4);
        Tensor theta = f32(shape(1, 2, 3), 1, 0, 0, 0, 1, 0);
        Tensor grid = KernelRun.of("AffineGrid").in(theta).in(i64(1, 1, 2, 2)).opset(20).run1();
        assertArrayEquals(new double[] {-0.5, -0.5, 0.5, -0.5, -0.5, 0.5, 0.5, 0.5}, grid.doubles(), 1e-6);
        Tensor y = KernelRun.of("GridSample").in(x).in(grid).opset(20).run1();
        assertArrayEquals(new double[] {1, 2, 3, 4}, y.doubles(), 1e-6);
        Tensor shifted = f32(shape(1, 1, 2, 2), 0, 0, 2, 0); // centre, and x beyond the right edge
        Tensor b = KernelRun.of("GridSample").in(x).in(shifted).attr("padding_mode", "border").opset(20).run1();
        assertArrayEquals(new double[] {2.5, 3}, b.doubles(), 1e-6);
    }

    @Test
    void inferenceOfSampledShapes() {
        var r = KernelRun.of("RoiAlign").in(f32(shape(1, 3, 8, 8), new double[192])).in(f32(shape(5, 4), new double[20]))
                .in(i64(0, 0, 0, 0, 0)).attr("output_height", 2L).attr("output_width", 4L).infer();
        assertEquals(TensorType.of(FloatType.F32, 5, 3, 2, 4), r.get(0));
        var g = KernelRun.of("GridSample").in(f32(shape(1, 3, 8, 8), new double[192])).in(f32(shape(1, 5, 6, 2), new double[60]))
                .opset(20).infer();
        assertEquals(TensorType.of(FloatType.F32, 1, 3, 5, 6), g.get(0));
    }
}
