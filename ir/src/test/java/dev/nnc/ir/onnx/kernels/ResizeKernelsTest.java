package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;

import dev.nnc.ir.tensor.Tensor;
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
}
