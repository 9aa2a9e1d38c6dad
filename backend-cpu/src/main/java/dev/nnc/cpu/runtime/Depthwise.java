package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * Depthwise convolution (one input and one output channel per group), one channel at a time,
 * channels split over threads. Each channel's output is written once, bias included, so the
 * caller fills nothing.
 *
 * <p>The 2-D 3x3 layers of mobile networks (stride 1 or 2, any padding) copy the channel into a
 * zero-padded plane first ({@link PaddedPlane}), so the kernel ({@link DepthwiseKernel}: the
 * Vector API one where the module is present) is a branch-free loop of nine unit-stride taps; the
 * copy costs one pass over the input against nine multiply-adds per output. Every other window
 * runs {@link #general}, tap by tap along output rows.
 */
public final class Depthwise {

    private Depthwise() {
    }

    /** y = depthwise(x, w) + bias for every batch item and channel; {@code bias} may be null. */
    static void forward(Conv.Geometry g, float[] x, float[] w, float[] bias, float[] y, Parallel par) {
        forward(g, x, w, bias, y, Clamp.NONE, par, KERNEL);
    }

    /** y = clamp(depthwise(x, w) + bias): the layer with its fused Relu or Clip applied as it is stored. */
    public static void forward(Conv.Geometry g, float[] x, float[] w, float[] bias, float[] y, Clamp clamp,
                               Parallel par) {
        forward(g, x, w, bias, y, clamp, par, KERNEL);
    }

    /** {@link #forward} with the given 3x3 kernel (tests run both). */
    static void forward(Conv.Geometry g, float[] x, float[] w, float[] bias, float[] y, Clamp clamp, Parallel par,
                        DepthwiseKernel kernel) {
        Window3 win = g.window();
        int inSp = win.inSize();
        int outSp = win.outSize();
        int ks = win.kernelSize();
        int channels = g.outChannels();
        boolean fast = PaddedPlane.fits(win);
        for (int b = 0; b < g.batch(); b++) {
            int xb = b * channels * inSp;
            int yb = b * channels * outSp;
            par.forRange(channels, (long) outSp * ks, (from, to) -> {
                PaddedPlane plane = fast ? PaddedPlane.forThread(win) : null;
                for (int ch = from; ch < to; ch++) {
                    float b0 = bias == null ? 0f : bias[ch];
                    int xOff = xb + ch * inSp;
                    int yOff = yb + ch * outSp;
                    if (fast) {
                        plane.load(x, xOff);
                        plane.apply(kernel, w, ch * 9, b0, clamp, y, yOff);
                    } else {
                        Arrays.fill(y, yOff, yOff + outSp, b0);
                        general(win, x, xOff, w, ch * ks, y, yOff);
                        if (clamp != Clamp.NONE) {
                            for (int i = yOff; i < yOff + outSp; i++) {
                                y[i] = Math.min(Math.max(y[i], clamp.lo()), clamp.hi());
                            }
                        }
                    }
                }
            });
        }
    }

    /** The scalar form of {@link DepthwiseKernel}. */
    static final DepthwiseKernel SCALAR = (a, aOff, r1, r2, w, wOff, bias, lo, hi, z, zOff, n) -> {
        float w0 = w[wOff];
        float w1 = w[wOff + 1];
        float w2 = w[wOff + 2];
        float w3 = w[wOff + 3];
        float w4 = w[wOff + 4];
        float w5 = w[wOff + 5];
        float w6 = w[wOff + 6];
        float w7 = w[wOff + 7];
        float w8 = w[wOff + 8];
        int b1 = aOff + r1;
        int b2 = aOff + r2;
        for (int i = 0; i < n; i++) {
            float v = bias + w0 * a[aOff + i] + w1 * a[aOff + i + 1] + w2 * a[aOff + i + 2]
                    + w3 * a[b1 + i] + w4 * a[b1 + i + 1] + w5 * a[b1 + i + 2]
                    + w6 * a[b2 + i] + w7 * a[b2 + i + 1] + w8 * a[b2 + i + 2];
            z[zOff + i] = Math.min(Math.max(v, lo), hi);
        }
    };

    /** The kernel in use: the vector one where {@code jdk.incubator.vector} is present, else {@link #SCALAR}. */
    private static final DepthwiseKernel KERNEL = VectorSupport.depthwiseOr(SCALAR);

    /**
     * Any depthwise window, one output row at a time: every kernel tap adds
     * {@code w * x} along the row (an AXPY), so the row stays in cache across the taps.
     */
    static void general(Window3 win, float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
        int[] in = win.in();
        int[] out = win.out();
        int[] k = win.kernel();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] p = win.padBegin();
        for (int o0 = 0; o0 < out[0]; o0++) {
            for (int o1 = 0; o1 < out[1]; o1++) {
                int yr = yOff + (o0 * out[1] + o1) * out[2];
                for (int k0 = 0; k0 < k[0]; k0++) {
                    int i0 = o0 * s[0] - p[0] + k0 * d[0];
                    if (i0 < 0 || i0 >= in[0]) {
                        continue;
                    }
                    for (int k1 = 0; k1 < k[1]; k1++) {
                        int i1 = o1 * s[1] - p[1] + k1 * d[1];
                        if (i1 < 0 || i1 >= in[1]) {
                            continue;
                        }
                        int xRow = xOff + (i0 * in[1] + i1) * in[2];
                        for (int k2 = 0; k2 < k[2]; k2++) {
                            float wv = w[wOff + (k0 * k[1] + k1) * k[2] + k2];
                            int off = xRow + k2 * d[2] - p[2];
                            int to = win.endValid(2, k2);
                            if (s[2] == 1) {
                                for (int o2 = win.firstValid(2, k2); o2 < to; o2++) {
                                    y[yr + o2] += wv * x[off + o2];
                                }
                            } else {
                                for (int o2 = win.firstValid(2, k2); o2 < to; o2++) {
                                    y[yr + o2] += wv * x[off + o2 * s[2]];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
