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
                    Im2col.fill(win, x, xOff, cg, scratch, par);
                }
                QGemm.matmul(w, grp * mg * k, cols, colsOff, y, (n * g.outChannels() + grp * mg) * outSp, mg, k, outSp,
                        bias, grp * mg, 1, 0, e, par);
            }
        }
    }
}
