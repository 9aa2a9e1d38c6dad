package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * Transposed convolution of x [N, C, D...] with w [C, M/group, K...] as GEMM + col2im: per group,
 * cols [M/g*K, inSpatial] = w_g^T · x_g, then every column entry is added to the output position
 * {@code i*stride - padBegin + k*dilation} it lands on. The window's {@code in} is x's spatial
 * shape and {@code out} is y's. The weights are pre-packed once ({@link #packWeights}).
 */
public final class ConvTranspose {
    private ConvTranspose() {
    }

    /** w [C, M/g*K] as G transposed blocks [M/g*K, C/g], the A operand of each group's GEMM. */
    public static float[] packWeights(float[] w, int group, int inChannels, int outPerGroupTimesK) {
        float[] packed = new float[w.length];
        packWeightsInto(w, packed, group, inChannels, outPerGroupTimesK);
        return packed;
    }

    /** {@link #packWeights} into an existing array (for weights that are a model input). */
    public static void packWeightsInto(float[] w, float[] packed, int group, int inChannels, int outPerGroupTimesK) {
        int cg = inChannels / group;
        for (int g = 0; g < group; g++) {
            int block = g * cg * outPerGroupTimesK;
            for (int c = 0; c < cg; c++) {
                for (int r = 0; r < outPerGroupTimesK; r++) {
                    packed[block + r * cg + c] = w[block + c * outPerGroupTimesK + r];
                }
            }
        }
    }

    /** The scratch size in floats: one group's column matrix. */
    public static int scratchSize(Conv.Geometry g) {
        return g.outChannels() / g.group() * g.window().kernelSize() * g.window().inSize();
    }

    /** y = convTranspose(x, packed w) + bias; {@code bias} may be null. */
    public static void forward(Conv.Geometry g, float[] x, float[] packedW, float[] bias, float[] y, float[] cols,
                               Parallel par) {
        Window3 win = g.window();
        int inSp = win.inSize();
        int outSp = win.outSize();
        int m = g.outChannels();
        int cg = g.inChannels() / g.group();
        int mg = m / g.group();
        int rows = mg * win.kernelSize();
        for (int b = 0; b < g.batch(); b++) {
            int yb = b * m * outSp;
            for (int oc = 0; oc < m; oc++) {
                Arrays.fill(y, yb + oc * outSp, yb + (oc + 1) * outSp, bias == null ? 0f : bias[oc]);
            }
            for (int grp = 0; grp < g.group(); grp++) {
                Arrays.fill(cols, 0, rows * inSp, 0f);
                int xOff = (b * g.inChannels() + grp * cg) * inSp;
                Gemm.multiplyAdd(packedW, grp * rows * cg, x, xOff, cols, 0, rows, cg, inSp, par);
                col2im(win, cols, rows, y, yb + grp * mg * outSp);
            }
        }
    }

    private static void col2im(Window3 win, float[] cols, int rows, float[] y, int yOff) {
        int[] in = win.in();
        int[] out = win.out();
        int[] k = win.kernel();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] p = win.padBegin();
        int ks = win.kernelSize();
        int inSp = win.inSize();
        int outSp = win.outSize();
        for (int row = 0; row < rows; row++) {
            int oc = row / ks;
            int r = row % ks;
            int k0 = r / (k[1] * k[2]);
            int k1 = r / k[2] % k[1];
            int k2 = r % k[2];
            int col = row * inSp;
            for (int i0 = 0; i0 < in[0]; i0++) {
                int o0 = i0 * s[0] - p[0] + k0 * d[0];
                for (int i1 = 0; i1 < in[1]; i1++) {
                    int o1 = i1 * s[1] - p[1] + k1 * d[1];
                    boolean rowOk = o0 >= 0 && o0 < out[0] && o1 >= 0 && o1 < out[1];
                    int base = yOff + oc * outSp + (o0 * out[1] + o1) * out[2];
                    for (int i2 = 0; i2 < in[2]; i2++) {
                        int o2 = i2 * s[2] - p[2] + k2 * d[2];
                        if (rowOk && o2 >= 0 && o2 < out[2]) {
                            y[base + o2] += cols[col + (i0 * in[1] + i1) * in[2] + i2];
                        }
                    }
                }
            }
        }
    }
}
