package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatherKernelsTest {
    @Test
    void gatherAxis1WithNegativeIndices() {
        assertTensor(run1("Gather", 13, Map.of("axis", i(1)), range(2, 3), i64(shape(2, 1), -1, 0)), shape(2, 2, 1),
                2, 0, 5, 3);
    }

    @Test
    void gatherStringsScalarIndex() {
        assertStrings(run1("Gather", 13, Map.of(), str(shape(3), "a", "b", "c"), i64(shape(), 1)), shape(), "b");
    }

    @Test
    void gatherRejectsOutOfRange() {
        assertThrows(NncException.class, () -> run1("Gather", 13, Map.of(), range(3), i64(3)));
    }

    @Test
    void gatherElementsAlongAxis1() {
        assertLongs(run1("GatherElements", 13, Map.of("axis", i(1)), i64(shape(2, 2), 1, 2, 3, 4),
                i64(shape(2, 2), 0, 0, 1, 0)), shape(2, 2), 1, 1, 4, 3);
    }

    @Test
    void gatherNdWithBatchDims() {
        // data [2,2,2]; batch_dims=1; indices [2,1] pick data[b][idx]
        assertTensor(run1("GatherND", 13, Map.of("batch_dims", i(1)), range(2, 2, 2), i64(shape(2, 1), 1, 0)),
                shape(2, 2), 2, 3, 4, 5);
        assertLongs(run1("GatherND", 13, Map.of(), i32(shape(2, 2), 0, 1, 2, 3), i64(shape(2, 2), 0, 0, 1, 1)), shape(2), 0, 3);
    }

    @Test
    void compressWithAndWithoutAxis() {
        Tensor cond = Tensor.ofLongs(BoolType.I1, shape(3), new long[] {0, 1, 1});
        assertTensor(run1("Compress", 11, Map.of("axis", i(0)), range(3, 2), cond), shape(2, 2), 2, 3, 4, 5);
        assertTensor(run1("Compress", 11, Map.of(), range(3, 2), cond), shape(2), 1, 2);
    }

    @Test
    void nonZeroListsCoordinates() {
        assertLongs(run1("NonZero", 13, Map.of(), f32(shape(2, 2), 1, 0, 1, 1)), shape(2, 3), 0, 1, 1, 0, 0, 1);
    }
}
