package dev.nnc.cpu.runtime;

/**
 * Fixed-point convolution of x [N, C, D...] with w [M, C/group, K...] (up to 3 spatial dims), the
 * integer twin of {@link Conv}: the input windows are unfolded into a scratch matrix [C/group*K,
 * outSpatial] of raws (padding taps are 0, which adds nothing to the exact sum, as the reference
 * skips them) and each group is one {@link QGemm} with the weights [M/group, C/group*K] and the
 * per-channel bias. A 1x1 stride-1 layer reads x directly.
 */
public final class QConv {
    private QConv() {
    }

    /** The scratch size in elements (0 when the layer needs none). */
    public static int scratchSize(Conv.Geometry g) {
        Window3 win = g.window();
        return win.isPointwise() ? 0 : g.inChannels() / g.group() * win.kernelSize() * win.outSize();
    }

    /** y = epilogue(conv(x, w), bias); {@code bias} holds pre-aligned raws (or is null); scratch as {@link #scratchSize}. */
    public static void forward(Conv.Geometry g, Object x, Object w, long[] bias, Object y, Object scratch, QEpilogue e,
                               Parallel par) {
        Window3 win = g.window();
        int outSp = win.outSize();
        int cg = g.inChannels() / g.group();
        int mg = g.outChannels() / g.group();
        int k = cg * win.kernelSize();
        boolean pointwise = win.isPointwise();
        for (int n = 0; n < g.batch(); n++) {
            for (int grp = 0; grp < g.group(); grp++) {
                int xOff = (n * g.inChannels() + grp * cg) * win.inSize();
                Object cols = pointwise ? x : scratch;
                int colsOff = pointwise ? xOff : 0;
                if (!pointwise) {
                    unfold(win, x, xOff, cg, scratch, par);
                }
                QGemm.matmul(w, grp * mg * k, cols, colsOff, y, (n * g.outChannels() + grp * mg) * outSp, mg, k, outSp,
                        bias, grp * mg, 1, 0, e, par);
            }
        }
    }

    /** im2col of {@code channels} planes of x from {@code xOff}: row c*K + r holds tap r of channel c at every output. */
    static void unfold(Window3 win, Object x, int xOff, int channels, Object cols, Parallel par) {
        int[] kk = win.kernel();
        int ks = win.kernelSize();
        int outSp = win.outSize();
        par.forRange(channels * ks, outSp, (from, to) -> {
            for (int row = from; row < to; row++) {
                int c = row / ks;
                int r = row % ks;
                unfoldRow(win, x, xOff + c * win.inSize(), r / (kk[1] * kk[2]), r / kk[2] % kk[1], r % kk[2], cols, row * outSp);
            }
        });
    }

    private static void unfoldRow(Window3 win, Object x, int xOff, int k0, int k1, int k2, Object cols, int rowOff) {
        int[] in = win.in();
        int[] out = win.out();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] p = win.padBegin();
        QArrays.fill(cols, rowOff, rowOff + win.outSize());
        int o2From = win.firstValid(2, k2);
        int o2To = win.endValid(2, k2);
        for (int o0 = win.firstValid(0, k0); o0 < win.endValid(0, k0); o0++) {
            int i0 = o0 * s[0] - p[0] + k0 * d[0];
            for (int o1 = win.firstValid(1, k1); o1 < win.endValid(1, k1); o1++) {
                int i1 = o1 * s[1] - p[1] + k1 * d[1];
                int xr = xOff + (i0 * in[1] + i1) * in[2] - p[2] + k2 * d[2];
                int cr = rowOff + (o0 * out[1] + o1) * out[2];
                if (s[2] == 1) {
                    System.arraycopy(x, xr + o2From, cols, cr + o2From, o2To - o2From);
                } else {
                    for (int o2 = o2From; o2 < o2To; o2++) {
                        QArrays.set(cols, cr + o2, QArrays.get(x, xr + o2 * s[2]));
                    }
                }
            }
        }
    }
}
