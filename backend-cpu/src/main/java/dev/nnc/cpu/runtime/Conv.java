package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * N-d (up to 3 spatial dims) convolution of x [N, C, D...] with w [M, C/group, K...] on the
 * weights as given: depthwise layers (one input and one output channel per group) run
 * {@link Depthwise}'s direct loop; other layers im2col into a scratch matrix and run one GEMM per
 * group (a 1x1 stride-1 layer skips im2col). Generated code sends dense layers to
 * {@link DenseConv} instead (packed weights, no im2col, fused bias and activation); the dense
 * path here is reached only from ConvTest, kept as the plain im2col formulation.
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
        if (g.isDepthwise()) {
            Depthwise.forward(g, x, w, bias, y, par);
            return;
        }
        Window3 win = g.window();
        int outSp = win.outSize();
        int inSp = win.inSize();
        int m = g.outChannels();
        for (int b = 0; b < g.batch(); b++) {
            int yb = b * m * outSp;
            for (int oc = 0; oc < m; oc++) {
                Arrays.fill(y, yb + oc * outSp, yb + (oc + 1) * outSp, bias == null ? 0f : bias[oc]);
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
}
