package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcatSplitKernelsTest {
    @Test
    void concatOnInnerAxis() {
        assertLongs(run1("Concat", 13, Map.of("axis", i(-1)), i64(shape(2, 1), 1, 2), i64(shape(2, 2), 3, 4, 5, 6)),
                shape(2, 3), 1, 3, 4, 2, 5, 6);
    }

    @Test
    void concatStrings() {
        assertStrings(run1("Concat", 13, Map.of("axis", i(0)), str(shape(1), "x"), str(shape(2), "y", "z")), shape(3), "x", "y", "z");
    }

    @Test
    void concatRejectsMismatch() {
        assertThrows(NncException.class, () -> run1("Concat", 13, Map.of("axis", i(0)), range(1, 2), range(1, 3)));
    }

    @Test
    void splitWithSizesInput() {
        List<Tensor> out = run("Split", 13, Map.of("axis", i(1)), 2, range(2, 3), i64(1, 2));
        assertTensor(out.get(0), shape(2, 1), 0, 3);
        assertTensor(out.get(1), shape(2, 2), 1, 2, 4, 5);
    }

    @Test
    void splitUnevenNumOutputs() {
        List<Tensor> out = run("Split", 18, Map.of("num_outputs", i(3)), 3, range(7));
        assertTensor(out.get(0), shape(3), 0, 1, 2);
        assertTensor(out.get(1), shape(3), 3, 4, 5);
        assertTensor(out.get(2), shape(1), 6);
    }

    @Test
    void splitEqualByOutputCountAndAttribute() {
        List<Tensor> out = run("Split", 11, Map.of(), 2, i64(shape(4), 1, 2, 3, 4));
        assertLongs(out.get(1), shape(2), 3, 4);
        List<Tensor> byAttr = run("Split", 11, Map.of("split", ints(3, 1)), 2, i64(shape(4), 1, 2, 3, 4));
        assertLongs(byAttr.get(0), shape(3), 1, 2, 3);
        assertEquals(1, byAttr.get(1).size());
    }

    @Test
    void splitZeroSizedPart() {
        List<Tensor> out = run("Split", 13, Map.of(), 2, range(3), i64(0, 3));
        assertTensor(out.get(0), shape(0));
        assertTensor(out.get(1), shape(3), 0, 1, 2);
    }

    @Test
    void concatOpset1DefaultsToAxis1() {
        assertTensor(run1("Concat", 1, Map.of(), range(1, 1), range(1, 2)), shape(1, 3), 0, 0, 1);
    }
}
