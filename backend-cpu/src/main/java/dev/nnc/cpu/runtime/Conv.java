package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * N-d (up to 3 spatial dims) convolution of x [N, C, D...] with w [M, C/group, K...]: im2col into
 * a scratch matrix and one GEMM per group, which is what wins for the dense layers of small CNNs;
 * depthwise layers (one input and one output channel per group) run a direct loop instead, since
 * their GEMM would have a single row. A 1x1 stride-1 layer skips im2col: x already is the matrix.
 */
public final class Conv {
    private Conv() {
    }

    /** The shape of one convolution layer. */
    public record Geometry(int batch, int inChannels, int outChannels, int group, Window3 window) {
        public boolean isDepthwise() {
            return group == inChannels && group == outChannels;
        }

        /** The im2col scratch size in floats (0 when the layer needs none). */
        public int scratchSize() {
            return isDepthwise() || window.isPointwise() ? 0 : inChannels / group * window.kernelSize() * window.outSize();
        }
    }

    /** y = conv(x, w) + bias; {@code bias} may be null, {@code scratch} holds {@link Geometry#scratchSize()} floats. */
    public static void forward(Geometry g, float[] x, float[] w, float[] bias, float[] y, float[] scratch, Parallel par) {
        Window3 win = g.window();
        int outSp = win.outSize();
        int inSp = win.inSize();
        int m = g.outChannels();
        for (int b = 0; b < g.batch(); b++) {
            int yb = b * m * outSp;
            for (int oc = 0; oc < m; oc++) {
                Arrays.fill(y, yb + oc * outSp, yb + (oc + 1) * outSp, bias == null ? 0f : bias[oc]);
            }
            if (g.isDepthwise()) {
                int xb = b * g.inChannels() * inSp;
                par.forRange(m, (long) outSp * win.kernelSize(), (from, to) -> {
                    for (int ch = from; ch < to; ch++) {
                        depthwise(win, x, xb + ch * inSp, w, ch * win.kernelSize(), y, yb + ch * outSp);
                    }
                });
                continue;
            }
            int cg = g.inChannels() / g.group();
            int mg = m / g.group();
            int rows = cg * win.kernelSize();
            for (int grp = 0; grp < g.group(); grp++) {
                int xOff = (b * g.inChannels() + grp * cg) * inSp;
                float[] cols = x;
                int colsOff = xOff;
                if (!win.isPointwise()) {
                    Im2col.fill(win, x, xOff, cg, scratch, par);
                    cols = scratch;
                    colsOff = 0;
                }
                Gemm.multiplyAdd(w, grp * mg * rows, cols, colsOff, y, yb + grp * mg * outSp, mg, rows, outSp, par);
            }
        }
    }

    /**
     * One channel of a depthwise layer, one output row at a time: every kernel tap adds
     * {@code w * x} along the row (an AXPY), so the row stays in cache across the taps.
     */
    private static void depthwise(Window3 win, float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
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
                            int xr = xRow - p[2] + k2 * d[2];
                            int to = win.endValid(2, k2);
                            if (s[2] == 1) {
                                for (int o2 = win.firstValid(2, k2); o2 < to; o2++) {
                                    y[yr + o2] += wv * x[xr + o2];
                                }
                            } else {
                                for (int o2 = win.firstValid(2, k2); o2 < to; o2++) {
                                    y[yr + o2] += wv * x[xr + o2 * s[2]];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
