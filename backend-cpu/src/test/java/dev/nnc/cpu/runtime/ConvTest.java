package dev.nnc.cpu.runtime;

import static dev.nnc.cpu.runtime.Reference.assertClose;
import static dev.nnc.cpu.runtime.Reference.floats;
import static dev.nnc.cpu.runtime.Reference.ints;
import static dev.nnc.cpu.runtime.Reference.random;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conv.forward against onnx.Conv on 2-D layers: dense (im2col + GEMM), pointwise (no im2col),
 * grouped, depthwise (the 3x3 fast path, also on tiny and unpadded inputs, and the general
 * loop) and channel-multiplier layers, with strides, padding and
 * dilation, on one and several threads.
 */
class ConvTest {
    @ParameterizedTest(name = "N{0} C{1} {2}x{3} M{4} k{5} s{6} p{7} d{8} g{9} threads {10}")
    @CsvSource({
        "1, 1, 28, 28, 8, 5, 1, 2, 1, 1, 1",
        "2, 3, 9, 11, 4, 3, 2, 1, 1, 1, 2",
        "1, 8, 10, 10, 16, 1, 1, 0, 1, 1, 1",
        "1, 6, 12, 7, 6, 3, 1, 1, 1, 6, 3",
        "1, 6, 13, 13, 6, 3, 2, 1, 1, 6, 1",
        "1, 4, 8, 8, 8, 3, 1, 2, 2, 2, 1",
        "1, 2, 7, 7, 6, 3, 1, 0, 1, 2, 1",
        "1, 3, 5, 5, 2, 5, 3, 0, 1, 1, 1",
        "2, 5, 6, 9, 5, 3, 1, 0, 1, 5, 1",
        "1, 4, 1, 2, 4, 3, 1, 1, 1, 4, 2",
        "1, 3, 4, 3, 3, 3, 1, 1, 2, 3, 1"})
    void matchesTheInterpreter(int n, int c, int h, int w, int m, int k, int s, int p, int d, int g, int threads) {
        Random r = new Random(31L * n + 17L * c + h * 7L + m + k + g);
        Tensor x = random(r, n, c, h, w);
        Tensor wt = random(r, m, c / g, k, k);
        Tensor bias = random(r, m);
        Tensor expected = Reference.eval("Conv", Map.of("group", Attribute.of(g), "kernel_shape", ints(k, k),
                "strides", ints(s, s), "pads", ints(p, p, p, p), "dilations", ints(d, d)), x, wt, bias);
        int[] out = expected.shape();
        Window3 win = new Window3(new int[] {1, h, w}, new int[] {1, k, k}, new int[] {1, s, s}, new int[] {1, d, d},
                new int[] {0, p, p}, new int[] {0, p, p}, new int[] {1, out[2], out[3]});
        Conv.Geometry geo = new Conv.Geometry(n, c, m, g, win);
        float[] y = new float[expected.size()];
        try (Parallel par = new Parallel(threads)) {
            Conv.forward(geo, floats(x), floats(wt), floats(bias), y, new float[geo.scratchSize()], par);
        }
        assertClose(expected, y);
    }
}
