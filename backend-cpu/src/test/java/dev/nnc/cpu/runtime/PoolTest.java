package dev.nnc.cpu.runtime;

import static dev.nnc.cpu.runtime.Reference.assertClose;
import static dev.nnc.cpu.runtime.Reference.floats;
import static dev.nnc.cpu.runtime.Reference.ints;
import static dev.nnc.cpu.runtime.Reference.random;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pool against onnx.MaxPool / AveragePool / GlobalAveragePool, with padding and ceil mode (2x2 max pooling: odd widths, stride 1, padded). */
class PoolTest {
    @ParameterizedTest(name = "{0} {1}x{2} k{3} s{4} pads {5},{6} ceil {7} include-pad {8}")
    @CsvSource({
        "MaxPool, 28, 28, 2, 2, 0, 0, 0, 0",
        "MaxPool, 9, 29, 2, 2, 0, 0, 0, 0",
        "MaxPool, 6, 7, 2, 1, 0, 0, 0, 0",
        "MaxPool, 6, 8, 2, 2, 1, 1, 0, 0",
        "MaxPool, 14, 14, 3, 3, 0, 0, 0, 0",
        "MaxPool, 9, 10, 3, 2, 1, 1, 1, 0",
        "MaxPool, 9, 10, 3, 2, 1, 0, 1, 0",
        "MaxPool, 7, 7, 2, 2, 0, 0, 1, 0",
        "MaxPool, 5, 6, 3, 1, 2, 2, 0, 0",
        "AveragePool, 9, 10, 3, 2, 1, 1, 0, 0",
        "AveragePool, 9, 10, 3, 2, 1, 0, 0, 1",
        "AveragePool, 7, 7, 2, 2, 0, 0, 1, 0"})
    void matchesTheInterpreter(String op, int h, int w, int k, int s, int pb, int pe, int ceil, int includePad) {
        Random r = new Random(h * 100L + w + k);
        Tensor x = random(r, 2, 3, h, w);
        Tensor expected = Reference.eval(op, Map.of("kernel_shape", ints(k, k), "strides", ints(s, s),
                "pads", ints(pb, pb, pe, pe), "ceil_mode", Attribute.of(ceil), "count_include_pad", Attribute.of(includePad)), x);
        int[] out = expected.shape();
        Window3 win = new Window3(new int[] {1, h, w}, new int[] {1, k, k}, new int[] {1, s, s}, new int[] {1, 1, 1},
                new int[] {0, pb, pb}, new int[] {0, pe, pe}, new int[] {1, out[2], out[3]});
        float[] y = new float[expected.size()];
        try (Parallel par = new Parallel(2, 1)) {
            if (op.equals("MaxPool")) {
                Pool.max(win, 6, floats(x), y, par);
            } else {
                Pool.average(win, 6, includePad != 0, floats(x), y, par);
            }
        }
        assertClose(expected, y);
    }

    @Test
    void globalAverage() {
        Tensor x = random(new Random(3), 2, 5, 6, 7);
        Tensor expected = Reference.eval("GlobalAveragePool", Map.of(), x);
        float[] y = new float[10];
        Pool.globalAverage(10, 42, floats(x), y);
        assertClose(expected, y);
    }
}
