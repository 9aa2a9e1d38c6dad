package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * One dense (not depthwise) convolution layer, its plan fixed at construction from the shapes:
 * y = clamp(conv(x, w) + bias), the weights packed once for {@link PackedGemm}, the bias and the
 * following Relu or Clip applied as the product is stored. Per group it is one product
 * {@code W [M, C*K] · B [C*K, N]}, B in one of three forms, chosen by shape:
 * <ul>
 * <li>1x1, stride 1 ({@link Strategy#POINTWISE}): B is x itself.</li>
 * <li>other 2-D layers ({@link Strategy#SHIFTED_ROWS}): x is copied once into a zero-bordered
 *   buffer split into stride phases: plane (c, a, b) holds padded input rows a, a+sh, a+2sh...
 *   and columns b, b+sw, ..., each plane Hq x Wq. Tap (kh, kw) of output (oh, ow) reads padded
 *   input (oh*sh + kh*dh, ow*sw + kw*dw), which is plane (c, kh*dh % sh, kw*dw % sw) at
 *   (oh + kh*dh / sh, ow + kw*dw / sw). So row (c, kh, kw) of B is that buffer read from one
 *   offset ({@code taps}), and the product runs over the wide output positions {@code oh*Wq + ow}
 *   with no im2col at all (the Wq - OW columns past each output row are computed and dropped
 *   when the result is copied into y). It moves about C*H*W floats where im2col moves C*K*OH*OW
 *   (K = 9 or 25 times more). With stride 1 there is one plane per channel.</li>
 * <li>3-D layers ({@link Strategy#IM2COL}): B is the im2col matrix.</li>
 * </ul>
 */
public final class DenseConv {
    /** How B is formed; see the class comment. */
    public enum Strategy { POINTWISE, SHIFTED_ROWS, IM2COL }

    /** Floats past the padded input that a tile may read (garbage columns, never stored). */
    private static final int SLACK = 64;

    private final int batch;
    private final int inChannels;
    private final int outChannels;
    private final int group;
    private final Window3 window;
    private final Strategy strategy;
    /** Rows of B per group (C/group * kernel size) and packed weight floats per group. */
    private final int rows;
    private final int packedGroup;
    /** SHIFTED_ROWS: the size of a stride-phase plane, and each row of B's offset in the planes. */
    private final int planeH;
    private final int planeW;
    private final int[] taps;

    public DenseConv(int batch, int inChannels, int outChannels, int group, Window3 window) {
        this.batch = batch;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.group = group;
        this.window = window;
        int cg = inChannels / group;
        this.rows = cg * window.kernelSize();
        this.packedGroup = PackedGemm.packedSize(outChannels / group, rows);
        this.strategy = strategyOf(window);
        if (strategy == Strategy.SHIFTED_ROWS) {
            int kh = window.kernel()[1];
            int kw = window.kernel()[2];
            int sh = window.strides()[1];
            int sw = window.strides()[2];
            int dh = window.dilations()[1];
            int dw = window.dilations()[2];
            planeH = window.out()[1] + (kh - 1) * dh / sh;
            planeW = window.out()[2] + (kw - 1) * dw / sw;
            taps = new int[rows];
            for (int c = 0, p = 0; c < cg; c++) {
                for (int r = 0; r < kh; r++) {
                    for (int q = 0; q < kw; q++) {
                        int plane = (c * sh + r * dh % sh) * sw + q * dw % sw;
                        taps[p++] = (plane * planeH + r * dh / sh) * planeW + q * dw / sw;
                    }
                }
            }
        } else {
            planeH = 0;
            planeW = 0;
            taps = null;
        }
    }

    private static Strategy strategyOf(Window3 w) {
        if (w.isPointwise()) {
            return Strategy.POINTWISE;
        }
        boolean twoD = w.in()[0] == 1 && w.kernel()[0] == 1 && w.out()[0] == 1;
        return twoD ? Strategy.SHIFTED_ROWS : Strategy.IM2COL;
    }

    public Strategy strategy() {
        return strategy;
    }

    /** Floats of scratch {@link #forward} needs (the im2col matrix, or the padded input and the wide result). */
    public int scratchSize() {
        int outSp = window.outSize();
        return switch (strategy) {
            case POINTWISE -> 0;
            case IM2COL -> rows * outSp;
            case SHIFTED_ROWS -> planesSize() + SLACK + outChannels / group * window.out()[1] * planeW;
        };
    }

    /** The weights [M, C/group, K...] packed for {@link #forward}; done once, at construction. */
    public float[] pack(float[] w) {
        float[] packed = new float[group * packedGroup];
        packInto(w, packed);
        return packed;
    }

    /** Packs weights that are a run-time input into {@code packed} ({@link #packedSize} floats). */
    public void packInto(float[] w, float[] packed) {
        int mg = outChannels / group;
        for (int grp = 0; grp < group; grp++) {
            PackedGemm.pack(w, grp * mg * rows, mg, rows, packed, grp * packedGroup);
        }
    }

    /** Floats of the packed weights. */
    public int packedSize() {
        return group * packedGroup;
    }

    /** y = clamp(conv(x, w) + bias) with {@code packedW} from {@link #pack}; {@code bias} may be null. */
    public void forward(float[] x, float[] packedW, float[] bias, float[] y, float[] scratch, Clamp clamp, Parallel par) {
        int outSp = window.outSize();
        int cg = inChannels / group;
        int mg = outChannels / group;
        for (int b = 0; b < batch; b++) {
            for (int grp = 0; grp < group; grp++) {
                int xOff = (b * inChannels + grp * cg) * window.inSize();
                int yOff = (b * outChannels + grp * mg) * outSp;
                switch (strategy) {
                    case POINTWISE -> PackedGemm.multiply(packedW, grp * packedGroup, mg, rows, x, xOff, outSp, null,
                            y, yOff, outSp, outSp, bias, grp * mg, clamp, par);
                    case IM2COL -> {
                        Im2col.fill(window, x, xOff, cg, scratch, par);
                        PackedGemm.multiply(packedW, grp * packedGroup, mg, rows, scratch, 0, outSp, null,
                                y, yOff, outSp, outSp, bias, grp * mg, clamp, par);
                    }
                    case SHIFTED_ROWS -> shifted(x, xOff, packedW, grp * packedGroup, bias, grp * mg, y, yOff, scratch,
                            clamp, par);
                }
            }
        }
    }

    /** Floats of the stride-phase planes of one group's input. */
    private int planesSize() {
        return inChannels / group * window.strides()[1] * window.strides()[2] * planeH * planeW;
    }

    /** One group by shifted rows: split x into the planes, one product over the wide output, copy into y. */
    private void shifted(float[] x, int xOff, float[] packedW, int wOff, float[] bias, int biasOff, float[] y, int yOff,
                         float[] scratch, Clamp clamp, Parallel par) {
        int mg = outChannels / group;
        int outH = window.out()[1];
        int outW = window.out()[2];
        planes(x, xOff, scratch);
        int wide = outH * planeW;
        int resultOff = planesSize() + SLACK;
        PackedGemm.multiply(packedW, wOff, mg, rows, scratch, 0, 0, taps, scratch, resultOff, wide, wide, bias, biasOff,
                clamp, par);
        for (int m = 0; m < mg; m++) {
            for (int oh = 0; oh < outH; oh++) {
                System.arraycopy(scratch, resultOff + m * wide + oh * planeW, y, yOff + (m * outH + oh) * outW, outW);
            }
        }
    }

    /**
     * Fills plane (c, a, b) row u, column v with padded input (u*sh + a, v*sw + b): x where that
     * lies inside the input, 0 in the padding; the slack after the planes is zeroed too.
     */
    private void planes(float[] x, int xOff, float[] scratch) {
        int cg = inChannels / group;
        int inH = window.in()[1];
        int inW = window.in()[2];
        int sh = window.strides()[1];
        int sw = window.strides()[2];
        int top = window.padBegin()[1];
        int left = window.padBegin()[2];
        int dst = 0;
        for (int c = 0; c < cg; c++) {
            for (int a = 0; a < sh; a++) {
                for (int b = 0; b < sw; b++) {
                    // columns v with 0 <= v*sw + b - left < inW
                    int vLo = Math.min(planeW, Math.max(0, (left - b + sw - 1) / sw));
                    int vHi = Math.max(vLo, Math.min(planeW, (inW + left - b + sw - 1) / sw));
                    for (int u = 0; u < planeH; u++, dst += planeW) {
                        int ih = u * sh + a - top;
                        if (ih < 0 || ih >= inH || vLo == vHi) {
                            Arrays.fill(scratch, dst, dst + planeW, 0f);
                            continue;
                        }
                        Arrays.fill(scratch, dst, dst + vLo, 0f);
                        int src = xOff + (c * inH + ih) * inW + vLo * sw + b - left;
                        if (sw == 1) {
                            System.arraycopy(x, src, scratch, dst + vLo, vHi - vLo);
                        } else {
                            for (int v = vLo; v < vHi; v++, src += sw) {
                                scratch[dst + v] = x[src];
                            }
                        }
                        Arrays.fill(scratch, dst + vHi, dst + planeW, 0f);
                    }
                }
            }
        }
        Arrays.fill(scratch, dst, dst + SLACK, 0f);
    }
}
