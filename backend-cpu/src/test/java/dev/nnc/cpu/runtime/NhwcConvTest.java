package dev.nnc.cpu.runtime;

import static dev.nnc.cpu.runtime.Reference.assertClose;
import static dev.nnc.cpu.runtime.Reference.floats;
import static dev.nnc.cpu.runtime.Reference.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnc.ir.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NhwcConv against onnx.Conv (then Clip), the tensors converted between NCHW and NHWC here, with
 * the scalar and the Vector API kernels: pointwise layers (NHWC input) with channel counts below,
 * at and above one and two vectors and pixel counts that are not a multiple of the tile, and
 * other windows (NCHW input) with stride 1, 2 and 3, zero, one-sided and wide pads, dilation,
 * batch 2, no bias, fused clamps, one and two threads (split at every size), rows narrow enough to
 * be read only through the strip and wide enough that their middle is read in place.
 */
class NhwcConvTest {
    /** Compiled once: javac runs for each call of VectorSupport.kernelOr. */
    private static final RowGemmKernel VECTOR = VectorSupport.available()
            ? VectorSupport.kernelOr("VectorRowGemm", RowGemmKernel.class, null) : null;
    /** N, C, H, W, M, k, stride, pad begin, pad end, dilation, bias, clamp, threads. */
    private static final String CASES = """
            1, 16, 12, 10, 32, 1, 1, 0, 0, 1, 1, none, 1
            1, 32, 6, 8, 64, 1, 1, 0, 0, 1, 1, relu, 2
            1, 64, 5, 6, 6, 1, 1, 0, 0, 1, 1, none, 1
            1, 64, 5, 6, 12, 1, 1, 0, 0, 1, 0, none, 2
            1, 128, 3, 5, 4, 1, 1, 0, 0, 1, 1, clip, 1
            1, 7, 3, 3, 17, 1, 1, 0, 0, 1, 1, none, 1
            2, 5, 4, 7, 33, 1, 1, 0, 0, 1, 1, relu, 2
            1, 3, 1, 1, 1, 1, 1, 0, 0, 1, 1, none, 1
            1, 9, 2, 3, 40, 1, 1, 0, 0, 1, 0, clip, 1
            1, 64, 4, 5, 256, 1, 1, 0, 0, 1, 1, none, 1
            1, 8, 6, 6, 4, 1, 2, 0, 0, 1, 1, none, 1
            1, 3, 24, 32, 16, 3, 2, 1, 1, 1, 1, relu, 1
            1, 3, 23, 37, 16, 3, 2, 1, 1, 1, 0, none, 2
            2, 3, 12, 20, 16, 3, 2, 1, 1, 1, 1, clip, 2
            1, 4, 9, 11, 8, 3, 1, 1, 1, 1, 1, none, 1
            1, 5, 9, 11, 33, 3, 1, 0, 0, 1, 1, relu, 1
            1, 6, 7, 40, 20, 3, 2, 0, 1, 1, 1, none, 1
            1, 2, 8, 9, 5, 3, 1, 2, 2, 1, 1, none, 1
            1, 3, 10, 10, 12, 3, 1, 2, 2, 2, 1, none, 2
            1, 4, 11, 13, 7, 5, 3, 2, 0, 1, 0, none, 1
            1, 16, 6, 5, 40, 3, 1, 1, 1, 1, 1, relu, 2
            1, 3, 2, 3, 16, 3, 1, 1, 1, 1, 1, none, 1
            1, 1, 28, 28, 8, 5, 1, 2, 2, 1, 1, relu, 1
            1, 3, 20, 80, 16, 3, 2, 1, 1, 1, 1, relu, 1
            2, 3, 12, 64, 16, 3, 2, 1, 1, 1, 1, none, 2
            1, 3, 9, 64, 16, 3, 2, 0, 1, 1, 0, none, 1
            1, 4, 9, 50, 12, 3, 1, 1, 1, 1, 1, clip, 1
            1, 5, 6, 47, 33, 3, 1, 1, 1, 1, 1, none, 2
            1, 3, 10, 60, 8, 3, 1, 2, 2, 2, 1, none, 1
            1, 2, 8, 70, 20, 5, 2, 2, 1, 1, 1, relu, 1
            1, 3, 7, 34, 16, 3, 1, 1, 1, 1, 1, none, 1
            """;

    @ParameterizedTest(name = "scalar N{0} C{1} {2}x{3} M{4} k{5} s{6} pads {7}/{8} d{9} bias {10} {11} threads {12}")
    @CsvSource(textBlock = CASES)
    void scalarKernelMatchesTheInterpreter(int n, int c, int h, int w, int m, int k, int s, int pb, int pe, int d,
                                           int bias, String clamp, int threads) {
        check(NhwcConv.SCALAR, n, c, h, w, m, k, s, pb, pe, d, bias != 0, clampOf(clamp), threads);
    }

    @ParameterizedTest(name = "vector N{0} C{1} {2}x{3} M{4} k{5} s{6} pads {7}/{8} d{9} bias {10} {11} threads {12}")
    @CsvSource(textBlock = CASES)
    void vectorKernelMatchesTheInterpreter(int n, int c, int h, int w, int m, int k, int s, int pb, int pe, int d,
                                           int bias, String clamp, int threads) {
        assumeTrue(VECTOR != null, "the JVM runs without --add-modules jdk.incubator.vector");
        check(VECTOR, n, c, h, w, m, k, s, pb, pe, d, bias != 0, clampOf(clamp), threads);
    }

    /** Layers large enough to pass the split threshold (checked), on the default kernel, a real two-thread pool. */
    @ParameterizedTest(name = "N{0} C{1} {2}x{3} M{4} k{5} s{6}")
    @CsvSource({"1, 3, 120, 160, 16, 3, 2", "1, 64, 30, 40, 64, 1, 1", "1, 32, 60, 40, 24, 1, 1", "1, 64, 120, 40, 6, 1, 1",
        "1, 3, 240, 160, 5, 3, 2"})
    void largeLayersSplitOverThreads(int n, int c, int h, int w, int m, int k, int s) {
        int pad = k / 2;
        Layer l = layer(n, c, h, w, m, k, s, pad, pad, 1, true, Clamp.RELU, new Random(c + m));
        NhwcConv conv = new NhwcConv(n, c, m, l.window);
        float[] y = new float[l.expected.size()];
        assertTrue((long) y.length * c * k * k > PackedGemm.MIN_PARALLEL, "the layer must be large enough to split");
        try (Parallel par = new Parallel(2)) {
            conv.forward(l.input(conv), conv.pack(floats(l.weights)), floats(l.bias), y, new float[conv.scratchSize()],
                    Clamp.RELU, par);
        }
        assertClose(l.expected, l.nchw(y));
    }

    /** The per-thread strip is refilled on every call: a second input on the same layer is not polluted by the first. */
    @Test
    void reusesTheStripAcrossCalls() {
        Random r = new Random(11);
        for (int call = 0; call < 3; call++) {
            Layer l = layer(1, 3, 9, 11, 8, 3, 2, 1, 1, 1, false, Clamp.NONE, r);
            NhwcConv conv = new NhwcConv(1, 3, 8, l.window);
            float[] y = new float[l.expected.size()];
            conv.forward(l.input(conv), conv.pack(floats(l.weights)), null, y, new float[0], Clamp.NONE, Parallel.SERIAL);
            assertClose(l.expected, l.nchw(y));
        }
    }

    @Test
    void readsNhwcOnlyForPointwiseWindows() {
        assertTrue(new NhwcConv(1, 4, 4, Reference.window(5, 5, 1, 1, 1, 0, 0, 1)).readsNhwc());
        assertFalse(new NhwcConv(1, 4, 4, Reference.window(5, 5, 1, 1, 2, 0, 0, 1)).readsNhwc());
        assertFalse(new NhwcConv(1, 4, 4, Reference.window(5, 5, 3, 3, 1, 1, 1, 1)).readsNhwc());
        assertEquals(0, new NhwcConv(1, 4, 4, Reference.window(5, 5, 3, 3, 1, 1, 1, 1)).scratchSize());
    }

    private static void check(RowGemmKernel kernel, int n, int c, int h, int w, int m, int k, int s, int pb, int pe,
                              int d, boolean withBias, Clamp clamp, int threads) {
        Random r = new Random(31L * n + 17L * c + h * 7L + w + m * 13L + k + s * 3L + pb + pe * 5L);
        Layer l = layer(n, c, h, w, m, k, s, pb, pe, d, withBias, clamp, r);
        NhwcConv conv = new NhwcConv(n, c, m, l.window, kernel);
        float[] y = new float[l.expected.size()];
        Arrays.fill(y, Float.NaN); // every output must be written
        try (Parallel par = new Parallel(threads, 1)) {
            conv.forward(l.input(conv), conv.pack(floats(l.weights)), withBias ? floats(l.bias) : null, y,
                    new float[conv.scratchSize()], clamp, par);
        }
        assertClose(l.expected, l.nchw(y));
    }

    /** A random layer, its window, and the interpreter's result (NCHW). */
    private record Layer(Tensor x, Tensor weights, Tensor bias, Window3 window, Tensor expected) {
        /** The input in the layout the layer reads. */
        float[] input(NhwcConv conv) {
            return conv.readsNhwc() ? Reference.nhwc(x) : floats(x);
        }

        /** The layer's NHWC result in the interpreter's NCHW order. */
        float[] nchw(float[] y) {
            int[] s = expected.shape();
            return Reference.nchw(y, s[0], s[1], s[2] * s[3]);
        }
    }

    private static Layer layer(int n, int c, int h, int w, int m, int k, int s, int pb, int pe, int d, boolean withBias,
                               Clamp clamp, Random r) {
        Tensor x = random(r, n, c, h, w);
        Tensor wt = random(r, m, c, k, k);
        Tensor bias = random(r, m);
        Tensor expected = Reference.convClamped(x, wt, withBias ? bias : null, 1, k, k, s, pb, pe, d, clamp);
        Window3 win = Reference.window(h, w, k, k, s, pb, pe, d);
        return new Layer(x, wt, bias, win, expected);
    }

    private static Clamp clampOf(String name) {
        return switch (name) {
            case "relu" -> Clamp.RELU;
            case "clip" -> new Clamp(-0.5f, 0.75f);
            default -> Clamp.NONE;
        };
    }
}
