package dev.nnc.cpu.runtime;

import static dev.nnc.cpu.runtime.Reference.assertClose;
import static dev.nnc.cpu.runtime.Reference.floats;
import static dev.nnc.cpu.runtime.Reference.ints;
import static dev.nnc.cpu.runtime.Reference.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DenseConv against onnx.Conv (then Relu or Clip) on 2-D layers of every strategy: pointwise,
 * shifted rows with stride 1, 2 and 4 (stride phases), dilation, asymmetric padding, groups,
 * batches, output-channel counts that are not a multiple of the 8-row tile and widths that are
 * not a multiple of the column tile, on one and several threads (the last two rows are large
 * enough to be split over them).
 */
class DenseConvTest {
    @ParameterizedTest(name = "N{0} C{1} {2}x{3} M{4} k{5} s{6} p{7},{8} d{9} g{10} clamp {11} threads {12}")
    @CsvSource({
        "1, 1, 28, 28, 8, 5, 1, 2, 2, 1, 1, relu, 1",
        "1, 8, 14, 14, 16, 5, 1, 2, 2, 1, 1, relu, 2",
        "1, 3, 24, 32, 16, 3, 2, 1, 1, 1, 1, none, 1",
        "1, 1, 40, 40, 14, 8, 4, 0, 0, 1, 1, none, 1",
        "1, 14, 13, 13, 14, 3, 1, 1, 1, 1, 1, relu, 3",
        "2, 5, 9, 11, 12, 3, 2, 1, 0, 1, 1, clip, 1",
        "1, 4, 8, 8, 8, 3, 1, 2, 2, 2, 2, none, 1",
        "1, 6, 7, 7, 9, 3, 1, 0, 1, 1, 3, relu, 2",
        "1, 16, 10, 12, 33, 1, 1, 0, 0, 1, 1, relu, 1",
        "2, 20, 3, 5, 6, 1, 1, 0, 0, 1, 2, clip, 2",
        "1, 8, 6, 6, 4, 1, 2, 0, 0, 1, 1, none, 1",
        "1, 32, 4, 5, 12, 3, 1, 1, 1, 1, 1, none, 1",
        "1, 3, 5, 5, 2, 5, 3, 0, 0, 1, 1, none, 1",
        "1, 16, 40, 40, 24, 3, 1, 1, 1, 1, 1, relu, 2",
        "1, 64, 30, 20, 40, 1, 1, 0, 0, 1, 1, none, 3"})
    void matchesTheInterpreter(int n, int c, int h, int w, int m, int k, int s, int pBegin, int pEnd, int d, int g,
                               String clamp, int threads) {
        Random r = new Random(31L * n + 17L * c + h * 7L + m + k + g + s);
        Tensor x = random(r, n, c, h, w);
        Tensor wt = random(r, m, c / g, k, k);
        Tensor bias = random(r, m);
        Tensor expected = Reference.eval("Conv", Map.of("group", Attribute.of(g), "kernel_shape", ints(k, k),
                "strides", ints(s, s), "pads", ints(pBegin, pBegin, pEnd, pEnd), "dilations", ints(d, d)), x, wt, bias);
        Clamp cl = switch (clamp) {
            case "relu" -> Clamp.RELU;
            case "clip" -> new Clamp(-0.5f, 0.75f);
            default -> Clamp.NONE;
        };
        if (cl != Clamp.NONE) {
            expected = Reference.eval("Clip", Map.of(), expected, Tensor.scalar(dev.nnc.ir.type.FloatType.F32, cl.lo()), Tensor.scalar(dev.nnc.ir.type.FloatType.F32, cl.hi()));
        }
        int[] out = expected.shape();
        Window3 win = new Window3(new int[] {1, h, w}, new int[] {1, k, k}, new int[] {1, s, s}, new int[] {1, d, d},
                new int[] {0, pBegin, pBegin}, new int[] {0, pEnd, pEnd}, new int[] {1, out[2], out[3]});
        DenseConv layer = new DenseConv(n, c, m, g, win);
        float[] y = new float[expected.size()];
        float[] packed = layer.pack(floats(wt));
        if (threads > 1) { // weights given at run time: packed into a scratch array per call
            packed = new float[layer.packedSize()];
            layer.packInto(floats(wt), packed);
        }
        try (Parallel par = new Parallel(threads)) {
            layer.forward(floats(x), packed, floats(bias), y, new float[layer.scratchSize()], cl, par);
        }
        assertClose(expected, y);
    }

    @Test
    void oneAndThreeSpatialDims() {
        Random r = new Random(3);
        // 1-D: shifted rows over a single row; 3-D: im2col
        Tensor x1 = random(r, 2, 5, 30);
        Tensor w1 = random(r, 9, 5, 4);
        Tensor e1 = Reference.eval("Conv", Map.of("kernel_shape", ints(4), "strides", ints(3), "pads", ints(2, 1)), x1, w1);
        Window3 win1 = new Window3(new int[] {1, 1, 30}, new int[] {1, 1, 4}, new int[] {1, 1, 3}, new int[] {1, 1, 1},
                new int[] {0, 0, 2}, new int[] {0, 0, 1}, new int[] {1, 1, e1.shape()[2]});
        check(new DenseConv(2, 5, 9, 1, win1), x1, w1, e1);
        Tensor x3 = random(r, 1, 3, 5, 6, 7);
        Tensor w3 = random(r, 10, 3, 2, 3, 3);
        Tensor e3 = Reference.eval("Conv", Map.of("kernel_shape", ints(2, 3, 3), "pads", ints(0, 1, 1, 1, 1, 1)), x3, w3);
        int[] o = e3.shape();
        Window3 win3 = new Window3(new int[] {5, 6, 7}, new int[] {2, 3, 3}, new int[] {1, 1, 1}, new int[] {1, 1, 1},
                new int[] {0, 1, 1}, new int[] {1, 1, 1}, new int[] {o[2], o[3], o[4]});
        DenseConv layer3 = new DenseConv(1, 3, 10, 1, win3);
        assertEquals(DenseConv.Strategy.IM2COL, layer3.strategy());
        check(layer3, x3, w3, e3);
    }

    private static void check(DenseConv layer, Tensor x, Tensor w, Tensor expected) {
        float[] y = new float[expected.size()];
        layer.forward(floats(x), layer.pack(floats(w)), null, y, new float[layer.scratchSize()], Clamp.NONE,
                Parallel.SERIAL);
        assertClose(expected, y);
    }

    @Test
    void choosesTheStrategyFromTheShape() {
        assertEquals(DenseConv.Strategy.POINTWISE, layer(new int[] {1, 1, 1}, new int[] {1, 1, 1}).strategy());
        assertEquals(DenseConv.Strategy.SHIFTED_ROWS, layer(new int[] {1, 3, 3}, new int[] {1, 1, 1}).strategy());
        assertEquals(DenseConv.Strategy.SHIFTED_ROWS, layer(new int[] {1, 3, 3}, new int[] {1, 2, 2}).strategy());
        assertEquals(DenseConv.Strategy.IM2COL, layer(new int[] {3, 3, 3}, new int[] {1, 1, 1}).strategy());
    }

    private static DenseConv layer(int[] kernel, int[] strides) {
        int[] in = {kernel[0] == 1 ? 1 : 6, 6, 6};
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = (in[i] - kernel[i]) / strides[i] + 1;
        }
        return new DenseConv(1, 2, 4, 1, new Window3(in, kernel, strides, new int[] {1, 1, 1}, new int[3], new int[3], out));
    }
}
