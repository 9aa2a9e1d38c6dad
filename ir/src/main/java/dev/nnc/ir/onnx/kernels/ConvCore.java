package dev.nnc.ir.onnx.kernels;

/**
 * The loops of direct and transposed convolution on flat row-major double arrays, with the
 * spatial dims viewed as 3-D (see {@link Window#as3d}). For every (output channel, input
 * channel, kernel tap) the inner loops stream over a contiguous row of the output, so a model of
 * a few hundred MFLOP runs in seconds. Integer convolutions use these too: products and sums of
 * 8/16-bit values are exact in double.
 */
final class ConvCore {
    private ConvCore() {
    }

    /**
     * y[b, oc, o] = bias[oc] + sum over ic in oc's group and taps k of
     * x[b, ic, o*s - p + k*d] * w[oc, ic mod cg, k], outside the input counting as zero.
     */
    static double[] conv(double[] x, int batch, int channels, double[] w, int outChannels, int group, double[] bias, Window win) {
        int[] in = win.in();
        int[] k = win.kernel();
        int[] o = win.out();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] p = win.padBegin();
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
                    java.util.Arrays.fill(y, yOff, yOff + outSp, bias[oc]);
                }
                for (int ic = 0; ic < cg; ic++) {
                    int xOff = (b * channels + g * cg + ic) * inSp;
                    int wOff = (oc * cg + ic) * kSp;
                    for (int k0 = 0; k0 < k[0]; k0++) {
                        int lo0 = lo(s[0], p[0], k0 * d[0]);
                        int hi0 = hi(o[0], in[0], s[0], p[0], k0 * d[0]);
                        for (int k1 = 0; k1 < k[1]; k1++) {
                            int lo1 = lo(s[1], p[1], k1 * d[1]);
                            int hi1 = hi(o[1], in[1], s[1], p[1], k1 * d[1]);
                            for (int k2 = 0; k2 < k[2]; k2++) {
                                int lo2 = lo(s[2], p[2], k2 * d[2]);
                                int hi2 = hi(o[2], in[2], s[2], p[2], k2 * d[2]);
                                double wv = w[wOff + (k0 * k[1] + k1) * k[2] + k2];
                                int shift2 = k2 * d[2] - p[2];
                                for (int o0 = lo0; o0 <= hi0; o0++) {
                                    int i0 = o0 * s[0] - p[0] + k0 * d[0];
                                    for (int o1 = lo1; o1 <= hi1; o1++) {
                                        int i1 = o1 * s[1] - p[1] + k1 * d[1];
                                        int xRow = xOff + (i0 * in[1] + i1) * in[2] + shift2;
                                        int yRow = yOff + (o0 * o[1] + o1) * o[2];
                                        int st = s[2];
                                        for (int o2 = lo2; o2 <= hi2; o2++) {
                                            y[yRow + o2] += wv * x[xRow + o2 * st];
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    /**
     * Transposed convolution: each x[b, ic, i] adds x * w[ic, om, k] to y[b, g*mg + om, i*s - p + k*d]
     * (positions outside the output are dropped); {@code win.in()} is the input and
     * {@code win.out()} the output spatial size. w is [C, M/group, k...].
     */
    static double[] convTranspose(double[] x, int batch, int channels, double[] w, int outChannels, int group, double[] bias, Window win) {
        int[] in = win.in();
        int[] k = win.kernel();
        int[] o = win.out();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] p = win.padBegin();
        int inSp = in[0] * in[1] * in[2];
        int outSp = o[0] * o[1] * o[2];
        int kSp = k[0] * k[1] * k[2];
        int cg = channels / group;
        int mg = outChannels / group;
        double[] y = new double[batch * outChannels * outSp];
        for (int b = 0; b < batch; b++) {
            for (int oc = 0; oc < outChannels; oc++) {
                int g = oc / mg;
                int om = oc % mg;
                int yOff = (b * outChannels + oc) * outSp;
                if (bias != null) {
                    java.util.Arrays.fill(y, yOff, yOff + outSp, bias[oc]);
                }
                for (int ic = 0; ic < cg; ic++) {
                    int xOff = (b * channels + g * cg + ic) * inSp;
                    int wOff = ((g * cg + ic) * mg + om) * kSp;
                    for (int k0 = 0; k0 < k[0]; k0++) {
                        int lo0 = lo(s[0], p[0], k0 * d[0]);
                        int hi0 = hiT(in[0], o[0], s[0], p[0], k0 * d[0]);
                        for (int k1 = 0; k1 < k[1]; k1++) {
                            int lo1 = lo(s[1], p[1], k1 * d[1]);
                            int hi1 = hiT(in[1], o[1], s[1], p[1], k1 * d[1]);
                            for (int k2 = 0; k2 < k[2]; k2++) {
                                int lo2 = lo(s[2], p[2], k2 * d[2]);
                                int hi2 = hiT(in[2], o[2], s[2], p[2], k2 * d[2]);
                                double wv = w[wOff + (k0 * k[1] + k1) * k[2] + k2];
                                int shift2 = k2 * d[2] - p[2];
                                for (int i0 = lo0; i0 <= hi0; i0++) {
                                    int o0 = i0 * s[0] - p[0] + k0 * d[0];
                                    for (int i1 = lo1; i1 <= hi1; i1++) {
                                        int o1 = i1 * s[1] - p[1] + k1 * d[1];
                                        int yRow = yOff + (o0 * o[1] + o1) * o[2] + shift2;
                                        int xRow = xOff + (i0 * in[1] + i1) * in[2];
                                        int st = s[2];
                                        for (int i2 = lo2; i2 <= hi2; i2++) {
                                            y[yRow + i2 * st] += wv * x[xRow + i2];
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    /** First t >= 0 with t*s - p + kd >= 0. */
    static int lo(int s, int p, int kd) {
        return Math.max(0, Window.ceilDiv(p - kd, s));
    }

    /** Last output t < outLen with t*s - p + kd < inLen. */
    static int hi(int outLen, int inLen, int s, int p, int kd) {
        return Math.min(outLen - 1, Math.floorDiv(inLen - 1 + p - kd, s));
    }

    /** Last input t < inLen with t*s - p + kd < outLen (transposed direction). */
    static int hiT(int inLen, int outLen, int s, int p, int kd) {
        return Math.min(inLen - 1, Math.floorDiv(outLen - 1 + p - kd, s));
    }
}
