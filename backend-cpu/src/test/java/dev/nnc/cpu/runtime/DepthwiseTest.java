package dev.nnc.cpu.runtime;

import static dev.nnc.cpu.runtime.Reference.assertClose;
import static dev.nnc.cpu.runtime.Reference.floats;
import static dev.nnc.cpu.runtime.Reference.ints;
import static dev.nnc.cpu.runtime.Reference.random;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Depthwise convolution against onnx.Conv, with the scalar and the Vector API 3x3 kernels: the
 * padded-plane path (stride 1 and 2, rows narrower and wider than a vector, zero, one-sided and
 * wide padding, odd sizes), the general loop (5x5, dilation), batches, no bias, several threads.
 */
class DepthwiseTest {
    /** Compiled once: javac runs for each call of VectorSupport.depthwiseOr. */
    private static final DepthwiseKernel VECTOR = VectorSupport.available() ? VectorSupport.depthwiseOr(null) : null;
    private static final String CASES = """
            1, 4, 40, 64, 3, 1, 1, 1, 1, 1, 1
            1, 8, 30, 40, 3, 1, 1, 1, 1, 1, 2
            2, 5, 15, 20, 3, 1, 1, 1, 1, 1, 1
            1, 4, 8, 10, 3, 1, 1, 1, 1, 1, 1
            1, 3, 4, 5, 3, 1, 1, 1, 1, 1, 1
            1, 6, 3, 70, 3, 1, 0, 0, 1, 1, 1
            1, 6, 9, 33, 3, 1, 2, 0, 1, 1, 1
            1, 5, 40, 66, 3, 2, 1, 1, 1, 1, 2
            1, 4, 61, 37, 3, 2, 1, 1, 1, 1, 1
            2, 3, 8, 10, 3, 2, 1, 1, 1, 0, 1
            1, 3, 7, 9, 3, 2, 0, 1, 1, 1, 1
            1, 3, 6, 6, 3, 2, 0, 0, 1, 1, 1
            1, 2, 1, 2, 3, 1, 1, 1, 1, 1, 1
            1, 2, 2, 1, 3, 2, 1, 1, 1, 1, 1
            1, 4, 12, 13, 5, 1, 2, 2, 1, 1, 1
            1, 4, 12, 13, 3, 1, 2, 2, 2, 1, 1
            1, 4, 12, 13, 3, 3, 1, 1, 1, 1, 1
            """;

    @ParameterizedTest(name = "scalar N{0} C{1} {2}x{3} k{4} s{5} pads {6}/{7} d{8} bias {9} threads {10}")
    @CsvSource(textBlock = CASES)
    void scalarKernelMatchesTheInterpreter(int n, int c, int h, int w, int k, int s, int pb, int pe, int d, int bias,
                                           int threads) {
        check(Depthwise.SCALAR, n, c, h, w, k, s, pb, pe, d, bias != 0, threads, Clamp.NONE);
    }

    @ParameterizedTest(name = "vector N{0} C{1} {2}x{3} k{4} s{5} pads {6}/{7} d{8} bias {9} threads {10}")
    @CsvSource(textBlock = CASES)
    void vectorKernelMatchesTheInterpreter(int n, int c, int h, int w, int k, int s, int pb, int pe, int d, int bias,
                                           int threads) {
        assumeTrue(VECTOR != null, "the JVM runs without --add-modules jdk.incubator.vector");
        check(VECTOR, n, c, h, w, k, s, pb, pe, d, bias != 0, threads, Clamp.NONE);
    }

    /** A fused Relu and a fused Clip (ReLU6-like, bounds inside the data) on the plane and the general path. */
    @ParameterizedTest(name = "clamp [{0}, {1}] on {2}x{3} k{4} s{5}")
    @CsvSource({"0, Infinity, 20, 40, 3, 1", "-0.25, 0.5, 9, 12, 3, 2", "0, 0.5, 9, 12, 5, 1"})
    void appliesTheFusedClampAsItStores(float lo, float hi, int h, int w, int k, int s) {
        Clamp clamp = new Clamp(lo, hi);
        check(Depthwise.SCALAR, 1, 3, h, w, k, s, 1, 1, 1, true, 1, clamp);
        if (VECTOR != null) {
            check(VECTOR, 1, 3, h, w, k, s, 1, 1, 1, true, 1, clamp);
        }
    }

    /** The per-thread plane keeps its zeroed padding across calls: a second input on the same layer is not polluted. */
    @ParameterizedTest(name = "stride {0}")
    @CsvSource({"1", "2"})
    void reusesThePlaneAcrossCalls(int s) {
        Random r = new Random(5 + s);
        Window3 win = new Window3(new int[] {1, 9, 11}, new int[] {1, 3, 3}, new int[] {1, s, s}, new int[] {1, 1, 1},
                new int[] {0, 1, 1}, new int[] {0, 1, 1}, new int[] {1, (9 - 1) / s + 1, (11 - 1) / s + 1});
        Conv.Geometry g = new Conv.Geometry(1, 2, 2, 2, win);
        Tensor wt = random(r, 2, 1, 3, 3);
        Map<String, Attribute> attrs = Map.of("group", Attribute.of(2), "kernel_shape", ints(3, 3),
                "strides", ints(s, s), "pads", ints(1, 1, 1, 1));
        for (int call = 0; call < 3; call++) {
            Tensor x = random(r, 1, 2, 9, 11);
            float[] y = new float[2 * win.outSize()];
            Depthwise.forward(g, floats(x), floats(wt), null, y, Parallel.SERIAL);
            assertClose(Reference.eval("Conv", attrs, x, wt), y);
        }
    }

    private static void check(DepthwiseKernel kernel, int n, int c, int h, int w, int k, int s, int pb, int pe, int d,
                              boolean withBias, int threads, Clamp clamp) {
        Random r = new Random(31L * n + 17L * c + h * 7L + w + k + s * 3L + pb + pe * 5L);
        Tensor x = random(r, n, c, h, w);
        Tensor wt = random(r, c, 1, k, k);
        Tensor bias = random(r, c);
        Tensor expected = Reference.convClamped(x, wt, withBias ? bias : null, c, k, k, s, pb, pe, d, clamp);
        Window3 win = Reference.window(h, w, k, k, s, pb, pe, d);
        float[] y = new float[expected.size()];
        java.util.Arrays.fill(y, Float.NaN); // every output must be written
        try (Parallel par = new Parallel(threads, 1)) {
            Depthwise.forward(new Conv.Geometry(n, c, c, c, win), floats(x), floats(wt), withBias ? floats(bias) : null,
                    y, clamp, par, kernel);
        }
        assertClose(expected, y);
    }
}
