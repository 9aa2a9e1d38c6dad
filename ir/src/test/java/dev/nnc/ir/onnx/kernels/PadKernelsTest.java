package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;

import dev.nnc.ir.attr.Attribute;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PadKernelsTest {
    @Test
    void constantPadWithValueInput() {
        assertTensor(run1("Pad", 13, Map.of(), f32(shape(2), 1, 2), i64(1, 2), f32(shape(), 9)), shape(5), 9, 1, 2, 9, 9);
    }

    @Test
    void reflectEdgeWrapModes() {
        assertTensor(run1("Pad", 19, Map.of("mode", s("reflect")), f32(shape(3), 1, 2, 3), i64(2, 2)), shape(7),
                3, 2, 1, 2, 3, 2, 1);
        assertTensor(run1("Pad", 19, Map.of("mode", s("edge")), f32(shape(3), 1, 2, 3), i64(2, 1)), shape(6),
                1, 1, 1, 2, 3, 3);
        assertTensor(run1("Pad", 19, Map.of("mode", s("wrap")), f32(shape(3), 1, 2, 3), i64(2, 1)), shape(6),
                2, 3, 1, 2, 3, 1);
    }

    @Test
    void negativePadsCropAndAxesSelect() {
        assertTensor(run1("Pad", 18, Map.of(), range(2, 3), i64(-1, 1), null, i64(1)), shape(2, 3), 1, 2, 0, 4, 5, 0);
    }

    @Test
    void opset2AttributesAndStringFill() {
        assertTensor(run1("Pad", 2, Map.of("pads", ints(0, 1, 0, 0), "value", Attribute.of(1.5)), range(1, 1)),
                shape(1, 2), 1.5, 0);
        assertStrings(run1("Pad", 13, Map.of(), str(shape(1), "a"), i64(1, 0), str(shape(), "_")), shape(2), "_", "a");
    }

    @Test
    void centerCropPadOddDifferences() {
        // crop 5 -> 2 starts at 1; pad 1 -> 4 puts the element at 1
        assertTensor(run1("CenterCropPad", 18, Map.of(), range(5, 1), i64(2, 4)), shape(2, 4), 0, 1, 0, 0, 0, 2, 0, 0);
    }

    @Test
    void opset1PaddingsAttribute() {
        assertTensor(run1("Pad", 1, Map.of("paddings", ints(1, 0), "mode", s("edge")), f32(shape(2), 4, 5)), shape(3), 4, 4, 5);
    }
}
