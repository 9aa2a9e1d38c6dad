package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.IntegerType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScatterKernelsTest {
    @Test
    void scatterElementsAxis1() {
        assertTensor(run1("ScatterElements", 13, Map.of("axis", i(1)), f32(shape(1, 5), 1, 2, 3, 4, 5),
                i64(shape(1, 2), 1, 3), f32(shape(1, 2), 1.1, 2.1)), shape(1, 5), 1, 1.1, 3, 2.1, 5);
    }

    @Test
    void scatterElementsDuplicateIndicesAdd() {
        assertTensor(run1("ScatterElements", 18, Map.of("axis", i(1), "reduction", s("add")), f32(shape(1, 5), 1, 2, 3, 4, 5),
                i64(shape(1, 2), 1, 1), f32(shape(1, 2), 1.1, 2.1)), shape(1, 5), 1, 5.2, 3, 4, 5);
    }

    @Test
    void deprecatedScatterIsScatterElements() {
        assertStrings(run1("Scatter", 10, Map.of(), str(shape(3), "a", "b", "c"), i64(shape(1), -1), str(shape(1), "z")),
                shape(3), "a", "b", "z");
    }

    @Test
    void scatterNdRowsWithMulAndMax() {
        Tensor data = i64(shape(2, 2), 1, 2, 3, 4);
        assertLongs(run1("ScatterND", 18, Map.of("reduction", s("mul")), data, i64(shape(1, 1), 1), i64(shape(1, 2), 5, 6)),
                shape(2, 2), 1, 2, 15, 24);
        assertLongs(run1("ScatterND", 18, Map.of("reduction", s("max")), data, i64(shape(2, 2), 0, 0, 1, 1),
                i64(shape(2), 0, 9)), shape(2, 2), 1, 2, 3, 9);
    }

    @Test
    void scatterNdAddWrapsNarrowIntegers() {
        Tensor data = Tensor.ofLongs(IntegerType.I8, shape(1), new long[] {120});
        Tensor upd = Tensor.ofLongs(IntegerType.I8, shape(1), new long[] {10});
        assertLongs(run1("ScatterND", 18, Map.of("reduction", s("add")), data, i64(shape(1, 1), 0), upd), shape(1), -126);
    }

    @Test
    void tensorScatterWritesPerBatchOffsetsCircular() {
        // cache [2 batches, 3 steps, 1]; batch 0 writes at 2 (wraps to 0), batch 1 writes at 0
        Tensor cache = i64(shape(2, 3, 1), 0, 0, 0, 0, 0, 0);
        Tensor update = i64(shape(2, 2, 1), 1, 2, 3, 4);
        assertLongs(run1("TensorScatter", 24, Map.of("mode", s("circular")), cache, update, i64(2, 0)),
                shape(2, 3, 1), 2, 0, 1, 3, 4, 0);
    }
}
