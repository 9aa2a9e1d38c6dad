package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.diag.NncException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReshapeKernelsTest {
    @Test
    void reshapeCopiesZeroAndInfersMinusOne() {
        assertTensor(run1("Reshape", 14, Map.of(), range(2, 3, 4), i64(0, -1, 2)), shape(2, 6, 2),
                range(2, 6, 2).toDoubles());
    }

    @Test
    void reshapeAllowZeroKeepsZero() {
        assertTensor(run1("Reshape", 14, Map.of("allowzero", i(1)), f32(shape(0, 3)), i64(3, 0)), shape(3, 0));
    }

    @Test
    void reshapeOpset1UsesAttribute() {
        assertStrings(run1("Reshape", 1, Map.of("shape", ints(2, 1)), str(shape(2), "a", "b")), shape(2, 1), "a", "b");
    }

    @Test
    void reshapeRejectsWrongSize() {
        assertThrows(NncException.class, () -> run1("Reshape", 14, Map.of(), range(2, 3), i64(4, 2)));
    }

    @Test
    void flattenNegativeAxis() {
        assertTensor(run1("Flatten", 13, Map.of("axis", i(-1)), range(2, 3, 4)), shape(6, 4), range(6, 4).toDoubles());
        assertTensor(run1("Flatten", 13, Map.of("axis", i(0)), range(2, 3)), shape(1, 6), range(1, 6).toDoubles());
    }

    @Test
    void squeezeAxesInputAndAttribute() {
        assertLongs(run1("Squeeze", 13, Map.of(), i64(shape(1, 2, 1), 7, 8), i64(-1)), shape(1, 2), 7, 8);
        assertLongs(run1("Squeeze", 11, Map.of("axes", ints(0)), i64(shape(1, 2, 1), 7, 8)), shape(2, 1), 7, 8);
        assertLongs(run1("Squeeze", 13, Map.of(), i64(shape(1, 2, 1), 7, 8)), shape(2), 7, 8);
        assertThrows(NncException.class, () -> run1("Squeeze", 13, Map.of(), i64(shape(1, 2, 1), 7, 8), i64(1)));
    }

    @Test
    void unsqueezeUnsortedNegativeAxes() {
        assertLongs(run1("Unsqueeze", 13, Map.of(), i64(shape(2), 7, 8), i64(-1, 0)), shape(1, 2, 1), 7, 8);
        assertLongs(run1("Unsqueeze", 1, Map.of("axes", ints(1)), i64(shape(2), 7, 8)), shape(2, 1), 7, 8);
    }

    @Test
    void shapeWithStartEndClamps() {
        assertLongs(run1("Shape", 15, Map.of(), range(2, 3, 4)), shape(3), 2, 3, 4);
        assertLongs(run1("Shape", 15, Map.of("start", i(-2)), range(2, 3, 4)), shape(2), 3, 4);
        assertLongs(run1("Shape", 15, Map.of("start", i(-10), "end", i(1)), range(2, 3, 4)), shape(1), 2);
        assertLongs(run1("Shape", 15, Map.of("start", i(2), "end", i(1)), range(2, 3, 4)), shape(0));
    }

    @Test
    void sizeCountsStrings() {
        assertLongs(run1("Size", 13, Map.of(), str(shape(3, 1), "a", "b", "c")), shape(), 3);
    }
}
