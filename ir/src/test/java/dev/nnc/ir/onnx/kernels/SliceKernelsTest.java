package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SliceKernelsTest {
    @Test
    void sliceWithStepsAndAxes() {
        // rows 0..1, columns 3, 1 (negative step) of a 3x4 matrix
        assertTensor(run1("Slice", 13, Map.of(), range(3, 4), i64(0, 3), i64(2, 0), i64(0, 1), i64(1, -2)), shape(2, 2),
                3, 1, 7, 5);
    }

    @Test
    void sliceClampsOutOfBounds() {
        assertTensor(run1("Slice", 13, Map.of(), range(5), i64(-100), i64(1000)), shape(5), 0, 1, 2, 3, 4);
        assertTensor(run1("Slice", 13, Map.of(), range(5), i64(1000), i64(-1000), null, i64(-1)), shape(5), 4, 3, 2, 1, 0);
        assertTensor(run1("Slice", 13, Map.of(), range(5), i64(10), i64(20)), shape(0));
    }

    @Test
    void sliceOpset1Attributes() {
        assertStrings(run1("Slice", 1, Map.of("starts", ints(1), "ends", ints(3)), str(shape(4), "a", "b", "c", "d")),
                shape(2), "b", "c");
    }

    @Test
    void expandBroadcastsBothWays() {
        assertLongs(run1("Expand", 13, Map.of(), i64(shape(3, 1), 1, 2, 3), i64(2, 1, 2)), shape(2, 3, 2),
                1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3);
    }

    @Test
    void tileRepeatsEachAxis() {
        assertStrings(run1("Tile", 13, Map.of(), str(shape(1, 2), "a", "b"), i64(2, 2)), shape(2, 4),
                "a", "b", "a", "b", "a", "b", "a", "b");
        assertTensor(run1("Tile", 13, Map.of(), range(2, 1), i64(1, 3)), shape(2, 3), 0, 0, 0, 1, 1, 1);
    }

    @Test
    void tileOpset1TakesCountAndAxis() {
        assertTensor(run1("Tile", 1, Map.of(), range(1, 2), i64(shape(), 2), i64(shape(), 0)), shape(2, 2), 0, 1, 0, 1);
    }

    @Test
    void backwardSliceOfEmptyAxisIsEmpty() {
        assertTensor(run1("Slice", 13, Map.of(), f32(shape(2, 0)), i64(5), i64(-1000), i64(1), i64(-1)), shape(2, 0));
    }
}
