package dev.nnc.cpu.runtime;

import static dev.nnc.cpu.runtime.Reference.assertClose;
import static dev.nnc.cpu.runtime.Reference.floats;
import static dev.nnc.cpu.runtime.Reference.random;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnc.ir.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NhwcDepthwise against onnx.Conv (inputs and outputs converted between NCHW and NHWC here), with
 * the scalar and the Vector API kernels: the 3x3 row path (stride 1 and 2, zero, one-sided and
 * wide padding, rows narrower and wider than a vector, tiles and leftover pixels, stride 2 rows
 * longer than a chunk, stride equal to or twice the dilation), channel counts below, at and past a
 * vector (overlapping last block), the general path (5x5, 3x5, 2x2, 1x1, dilation, stride 3),
 * batches, no bias, several threads.
 */
class NhwcDepthwiseTest {
    /** Compiled once: javac runs for each call of VectorSupport.kernelOr. */
    private static final NhwcDepthwiseKernel VECTOR = VectorSupport.available()
            ? VectorSupport.kernelOr("VectorNhwcDepthwise", NhwcDepthwiseKernel.class, null) : null;
    private static final String CASES = """
            1, 16, 30, 40, 3, 3, 1, 1, 1, 1, 1, 1
            1, 64, 8, 10, 3, 3, 1, 1, 1, 1, 1, 2
            1, 32, 12, 16, 3, 3, 2, 1, 1, 1, 1, 1
            2, 20, 9, 11, 3, 3, 1, 1, 1, 1, 1, 2
            1, 33, 7, 9, 3, 3, 2, 1, 1, 1, 0, 1
            1, 3, 10, 12, 3, 3, 1, 1, 1, 1, 1, 1
            1, 8, 10, 12, 3, 3, 2, 1, 1, 1, 1, 1
            1, 17, 6, 5, 3, 3, 1, 0, 0, 1, 1, 1
            1, 24, 9, 8, 3, 3, 2, 0, 1, 1, 1, 1
            1, 16, 9, 33, 3, 3, 1, 2, 0, 1, 1, 1
            1, 16, 5, 6, 3, 3, 1, 3, 3, 1, 1, 2
            1, 16, 1, 2, 3, 3, 1, 1, 1, 1, 1, 1
            1, 18, 2, 1, 3, 3, 2, 1, 1, 1, 0, 1
            1, 16, 12, 13, 3, 3, 1, 2, 2, 2, 1, 1
            1, 16, 12, 13, 3, 3, 3, 1, 1, 1, 1, 1
            1, 20, 12, 13, 5, 5, 1, 2, 2, 1, 1, 1
            2, 5, 12, 13, 5, 5, 2, 1, 2, 1, 0, 2
            1, 32, 9, 10, 3, 5, 1, 1, 2, 1, 1, 1
            1, 19, 6, 7, 1, 1, 1, 0, 0, 1, 1, 1
            1, 16, 11, 11, 2, 2, 2, 0, 0, 1, 1, 1
            1, 48, 10, 9, 5, 5, 1, 4, 4, 2, 1, 2
            1, 40, 6, 70, 3, 3, 2, 1, 1, 1, 1, 2
            1, 16, 13, 30, 3, 3, 2, 2, 2, 2, 1, 1
            1, 17, 11, 40, 3, 3, 4, 2, 2, 2, 1, 1
            2, 32, 7, 23, 3, 3, 1, 1, 1, 1, 1, 2
            """;

    @ParameterizedTest(name = "scalar N{0} C{1} {2}x{3} k{4}x{5} s{6} pads {7}/{8} d{9} bias {10} threads {11}")
    @CsvSource(textBlock = CASES)
    void scalarKernelMatchesTheInterpreter(int n, int c, int h, int w, int kh, int kw, int s, int pb, int pe, int d,
                                           int bias, int threads) {
        check(ScalarNhwcDepthwise.INSTANCE, n, c, h, w, kh, kw, s, pb, pe, d, bias != 0, threads, Clamp.NONE);
    }

    @ParameterizedTest(name = "vector N{0} C{1} {2}x{3} k{4}x{5} s{6} pads {7}/{8} d{9} bias {10} threads {11}")
    @CsvSource(textBlock = CASES)
    void vectorKernelMatchesTheInterpreter(int n, int c, int h, int w, int kh, int kw, int s, int pb, int pe, int d,
                                           int bias, int threads) {
        assumeTrue(VECTOR != null, "the JVM runs without --add-modules jdk.incubator.vector");
        check(VECTOR, n, c, h, w, kh, kw, s, pb, pe, d, bias != 0, threads, Clamp.NONE);
    }

    /** A fused Relu and a fused Clip (bounds inside the data) on the 3x3 and the general path, tails included. */
    @ParameterizedTest(name = "clamp [{0}, {1}] C{2} k{3} s{4}")
    @CsvSource({"0, Infinity, 16, 3, 1", "-0.25, 0.5, 21, 3, 2", "0, 0.5, 18, 5, 1", "-0.5, 0.5, 5, 3, 1"})
    void appliesTheFusedClampAsItStores(float lo, float hi, int c, int k, int s) {
        Clamp clamp = new Clamp(lo, hi);
        check(ScalarNhwcDepthwise.INSTANCE, 1, c, 9, 12, k, k, s, 1, 1, 1, true, 1, clamp);
        if (VECTOR != null) {
            check(VECTOR, 1, c, 9, 12, k, k, s, 1, 1, 1, true, 1, clamp);
        }
    }

    /** The public constructor picks the kernel itself; the result is the same. */
    @Test
    void defaultKernelMatchesTheInterpreter() {
        check(null, 1, 32, 15, 20, 3, 3, 2, 1, 1, 1, true, 1, Clamp.RELU);
    }

    @Test
    void rejectsThreeDimensionalWindows() {
        Window3 win = new Window3(new int[] {2, 4, 4}, new int[] {1, 3, 3}, new int[] {1, 1, 1}, new int[] {1, 1, 1},
                new int[] {0, 1, 1}, new int[] {0, 1, 1}, new int[] {2, 4, 4});
        assertThrows(IllegalArgumentException.class, () -> new NhwcDepthwise(1, 4, win));
    }

    private static void check(NhwcDepthwiseKernel kernel, int n, int c, int h, int w, int kh, int kw, int s, int pb,
                              int pe, int d, boolean withBias, int threads, Clamp clamp) {
        Random r = new Random(31L * n + 17L * c + h * 7L + w + kh * 11L + kw + s * 3L + pb + pe * 5L + d);
        Tensor x = random(r, n, c, h, w);
        Tensor wt = random(r, c, 1, kh, kw);
        Tensor bias = random(r, c);
        Tensor expected = Reference.convClamped(x, wt, withBias ? bias : null, c, kh, kw, s, pb, pe, d, clamp);
        int[] out = expected.shape();
        Window3 win = Reference.window(h, w, kh, kw, s, pb, pe, d);
        NhwcDepthwise layer = kernel == null ? new NhwcDepthwise(n, c, win) : new NhwcDepthwise(n, c, win, kernel);
        float[] y = new float[expected.size()];
        Arrays.fill(y, Float.NaN); // every output must be written
        try (Parallel par = new Parallel(threads, 1)) {
            layer.forward(Reference.nhwc(x), layer.pack(floats(wt)), withBias ? floats(bias) : null, y,
                    clamp, par);
        }
        assertClose(expected, Reference.nchw(y, n, c, out[2] * out[3]));
    }

}
