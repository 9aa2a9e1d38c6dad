package dev.nnc.ir.onnx.kernels;

import java.util.Arrays;

/**
 * The loops of direct and transposed convolution on flat row-major double arrays, with the
 * spatial dims viewed as 3-D (see {@link Window#as3d}). Both walk, for every (output channel,
 * input channel, kernel tap), the positions t of the strided side (the output of a convolution,
 * the input of a transposed one) and pair them with position t*s - p + k*d of the dense side; a
 * convolution gathers from the dense side, a transposed convolution scatters into it. The inner
 * loop streams over a contiguous row, so a model of a few hundred MFLOP runs in seconds. Integer
 * convolutions use these too: products and sums of 8/16-bit values are exact in double.
 */
final class ConvCore {
    private ConvCore() {
    }

    /**
     * y[b, oc, o] = bias[oc] + sum over ic in oc's group and taps k of
     * x[b, ic, o*s - p + k*d] * w[oc, ic mod cg, k], outside the input counting as zero.
     */
    static double[] conv(double[] x, int batch, int channels, double[] w, int outChannels, int group, double[] bias, Window win) {
        return run(x, batch, channels, w, outChannels, group, bias, win, false);
    }

    /**
     * Transposed convolution: each x[b, ic, i] adds x * w[ic, om, k] to y[b, g*mg + om, i*s - p + k*d]
     * (positions outside the output are dropped); {@code win.in()} is the input and
     * {@code win.out()} the output spatial size. w is [C, M/group, k...].
     */
    static double[] convTranspose(double[] x, int batch, int channels, double[] w, int outChannels, int group, double[] bias, Window win) {
        return run(x, batch, channels, w, outChannels, group, bias, win, true);
    }

    private static double[] run(double[] x, int batch, int channels, double[] w, int outChannels, int group, double[] bias,
            Window win, boolean transpose) {
        int[] in = win.in();
        int[] o = win.out();
        int[] k = win.kernel();
        int[] st = transpose ? in : o;
        int[] dn = transpose ? o : in;
        int inSp = in[0] * in[1] * in[2];
        int outSp = o[0] * o[1] * o[2];
        int kSp = k[0] * k[1] * k[2];
        int cg = channels / group;
        int mg = outChannels / group;
        double[] y = new double[batch * outChannels * outSp];
        for (int b = 0; b < batch; b++) {
            for (int oc = 0; oc < outChannels; oc++) {
                int g = oc / mg;
                int yOff = (b * outChannels + oc) * outSp;
                if (bias != null) {
                    Arrays.fill(y, yOff, yOff + outSp, bias[oc]);
                }
                for (int ic = 0; ic < cg; ic++) {
                    int xOff = (b * channels + g * cg + ic) * inSp;
                    int wOff = (transpose ? (g * cg + ic) * mg + oc % mg : oc * cg + ic) * kSp;
                    int stOff = transpose ? xOff : yOff;
                    int dnOff = transpose ? yOff : xOff;
                    for (int tap = 0; tap < kSp; tap++) {
                        taps(x, y, w[wOff + tap], tap, win, st, dn, stOff, dnOff, transpose);
                    }
                }
            }
        }
        return y;
    }

    /** One kernel tap over all strided-side positions whose dense-side partner lies inside. */
    private static void taps(double[] x, double[] y, double wv, int tap, Window win, int[] st, int[] dn, int stOff, int dnOff,
            boolean scatter) {
        int[] k = win.kernel();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] p = win.padBegin();
        int kd0 = tap / (k[1] * k[2]) * d[0];
        int kd1 = tap / k[2] % k[1] * d[1];
        int kd2 = tap % k[2] * d[2];
        int lo0 = lo(s[0], p[0], kd0);
        int hi0 = hi(st[0], dn[0], s[0], p[0], kd0);
        int lo1 = lo(s[1], p[1], kd1);
        int hi1 = hi(st[1], dn[1], s[1], p[1], kd1);
        int lo2 = lo(s[2], p[2], kd2);
        int hi2 = hi(st[2], dn[2], s[2], p[2], kd2);
        int s2 = s[2];
        for (int t0 = lo0; t0 <= hi0; t0++) {
            int u0 = t0 * s[0] - p[0] + kd0;
            for (int t1 = lo1; t1 <= hi1; t1++) {
                int u1 = t1 * s[1] - p[1] + kd1;
                int stRow = stOff + (t0 * st[1] + t1) * st[2];
                int dnRow = dnOff + (u0 * dn[1] + u1) * dn[2] + kd2 - p[2];
                if (scatter) {
                    scatterRow(y, dnRow, x, stRow, s2, lo2, hi2, wv);
                } else {
                    gatherRow(y, stRow, x, dnRow, s2, lo2, hi2, wv);
                }
            }
        }
    }

    private static void gatherRow(double[] y, int yRow, double[] x, int xRow, int s, int lo, int hi, double wv) {
        for (int t = lo; t <= hi; t++) {
            y[yRow + t] += wv * x[xRow + t * s];
        }
    }

    private static void scatterRow(double[] y, int yRow, double[] x, int xRow, int s, int lo, int hi, double wv) {
        for (int t = lo; t <= hi; t++) {
            y[yRow + t * s] += wv * x[xRow + t];
        }
    }

    /** First strided-side t >= 0 with t*s - p + kd >= 0. */
    static int lo(int s, int p, int kd) {
        return Math.max(0, Window.ceilDiv(p - kd, s));
    }

    /** Last strided-side t < stLen with t*s - p + kd < dnLen. */
    static int hi(int stLen, int dnLen, int s, int p, int kd) {
        return Math.min(stLen - 1, Math.floorDiv(dnLen - 1 + p - kd, s));
    }
}
