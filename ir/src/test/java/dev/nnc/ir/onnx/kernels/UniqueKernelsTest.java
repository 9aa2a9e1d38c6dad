package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;

import dev.nnc.ir.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UniqueKernelsTest {
    @Test
    void sortedFlatWithAllOutputs() {
        List<Tensor> out = run("Unique", 11, Map.of(), 4, f32(shape(6), 2, 1, 1, 3, 4, 3));
        assertTensor(out.get(0), shape(4), 1, 2, 3, 4);
        assertLongs(out.get(1), shape(4), 1, 0, 3, 4);
        assertLongs(out.get(2), shape(6), 1, 0, 0, 2, 3, 2);
        assertLongs(out.get(3), shape(4), 2, 1, 2, 1);
    }

    @Test
    void unsortedKeepsFirstOccurrenceOrder() {
        List<Tensor> out = run("Unique", 11, Map.of("sorted", i(0)), 4, str(shape(5), "b", "a", "b", "c", "a"));
        assertStrings(out.get(0), shape(3), "b", "a", "c");
        assertLongs(out.get(1), shape(3), 0, 1, 3);
        assertLongs(out.get(2), shape(5), 0, 1, 0, 2, 1);
        assertLongs(out.get(3), shape(3), 2, 2, 1);
    }

    @Test
    void slicesAlongAxis() {
        // columns of [[1,0,1],[2,5,2]]: col0 == col2
        List<Tensor> out = run("Unique", 11, Map.of("axis", i(1)), 4, i64(shape(2, 3), 1, 0, 1, 2, 5, 2));
        assertLongs(out.get(0), shape(2, 2), 0, 1, 5, 2);
        assertLongs(out.get(2), shape(3), 1, 0, 1);
    }
}
