package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResizeKernelsTest {
    private static final Tensor X22 = f32(shape(1, 1, 2, 2), 1, 2, 3, 4);

    @Test
    void linearHalfPixelUpsample() {
        assertTensor(run1("Resize", 19, Map.of("mode", s("linear")), X22, null, f32(shape(4), 1, 1, 2, 2)),
                shape(1, 1, 4, 4),
                1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4);
    }

    @Test
    void nearestUpsampleBySizesOnAxes() {
        assertTensor(run1("Resize", 19, Map.of("axes", ints(2, 3)), X22, null, null, i64(4, 6)), shape(1, 1, 4, 6),
                1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4);
    }

    @Test
    void nearestDownsampleFloorsOutputSize() {
        assertTensor(run1("Resize", 13, Map.of(), f32(shape(1, 1, 2, 4), 1, 2, 3, 4, 5, 6, 7, 8), f32(shape(0)),
                f32(shape(4), 1, 1, 0.6f, 0.6f)), shape(1, 1, 1, 2), 1, 3);
    }

    @Test
    void linearAntialiasDownsample() {
        assertTensor(run1("Resize", 18, Map.of("mode", s("linear"), "antialias", i(1)), range(1, 1, 4, 4), null,
                f32(shape(4), 1, 1, 0.6f, 0.6f)), shape(1, 1, 2, 2), 1.875, 3.5, 8.375, 10);
    }

    @Test
    void integerTensorsResizeToo() {
        assertLongs(run1("Resize", 19, Map.of(), i64(shape(2), 5, 9), null, f32(shape(1), 2)), shape(4), 5, 5, 9, 9);
    }

    @Test
    void upsampleNearestWithScalesInput() {
        assertTensor(run1("Upsample", 9, Map.of(), X22, f32(shape(4), 1, 1, 2, 3)), shape(1, 1, 4, 6),
                1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4);
    }

    @Test
    void upsampleOpset7LinearIsAsymmetric() {
        Attribute scales = new Attribute.ArrayAttr(List.of(Attribute.of(2.0)));
        assertTensor(run1("Upsample", 7, Map.of("mode", s("linear"), "scales", scales), f32(shape(2), 1, 2)), shape(4), 1, 1.5, 2, 2);
    }

    @Test
    void resizeOpset10NearestCeilsWhenDownscaling() {
        assertTensor(run1("Resize", 10, Map.of(), f32(shape(4), 1, 2, 3, 4), f32(shape(1), 0.75f)), shape(3), 1, 3, 4);
    }

    @Test
    void outputWidthFromFloat32ScalesIsFloat32() {
        // 0.6f * 5 is 3 in float32 (as the reference computes it), so align_corners maps 1 -> 2 exactly
        assertTensor(run1("Resize", 19, Map.of("coordinate_transformation_mode", s("align_corners"), "nearest_mode", s("floor")),
                f32(shape(5), 1, 2, 3, 4, 5), null, f32(shape(1), 0.6f)), shape(3), 1, 3, 5);
    }

    @Test
    void tapWindowShiftsInsideThePaddedBorderLikeTheReference() {
        // values from the ONNX reference implementation: cubic antialias, align_corners, sizes with not_larger
        assertTensor(run1("Resize", 19, Map.of("mode", s("cubic"), "antialias", i(1), "coordinate_transformation_mode",
                s("align_corners"), "keep_aspect_ratio_policy", s("not_larger")), range(4, 5), null, null, i64(2, 5)),
                shape(2, 3), 0.9375, 3.528935194015503, 4.766203880310059, 14.375, 16.966434478759766, 18.203702926635742);
    }
}
