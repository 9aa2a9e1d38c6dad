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

/** ConvTranspose.forward (GEMM + col2im on pre-packed weights) against onnx.ConvTranspose. */
class ConvTransposeTest {
    @ParameterizedTest(name = "N{0} C{1} {2}x{3} M/g{4} k{5} s{6} p{7} d{8} g{9}")
    @CsvSource({"1, 2, 4, 5, 3, 3, 1, 0, 1, 1", "2, 4, 3, 3, 2, 3, 2, 1, 1, 2", "1, 3, 5, 4, 2, 2, 2, 0, 2, 1"})
    void matchesTheInterpreter(int n, int c, int h, int w, int mg, int k, int s, int p, int d, int g) {
        Random r = new Random(97L * c + h + 13L * k + s);
        Tensor x = random(r, n, c, h, w);
        Tensor wt = random(r, c, mg, k, k);
        Tensor bias = random(r, mg * g);
        Tensor expected = Reference.eval("ConvTranspose", Map.of("group", Attribute.of(g), "kernel_shape", ints(k, k),
                "strides", ints(s, s), "pads", ints(p, p, p, p), "dilations", ints(d, d)), x, wt, bias);
        int[] out = expected.shape();
        Window3 win = new Window3(new int[] {1, h, w}, new int[] {1, k, k}, new int[] {1, s, s}, new int[] {1, d, d},
                new int[] {0, p, p}, new int[] {0, p, p}, new int[] {1, out[2], out[3]});
        Conv.Geometry geo = new Conv.Geometry(n, c, mg * g, g, win);
        float[] packed = ConvTranspose.packWeights(floats(wt), g, c, mg * k * k);
        float[] y = new float[expected.size()];
        ConvTranspose.forward(geo, floats(x), packed, floats(bias), y, new float[ConvTranspose.scratchSize(geo)],
                Parallel.SERIAL);
        assertClose(expected, y);
    }
}
