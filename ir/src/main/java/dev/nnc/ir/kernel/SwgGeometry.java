package dev.nnc.ir.kernel;

import dev.nnc.ir.spec.OpAttributes;

/**
 * The window geometry of a {@code kernel.swg}: input {@code [H, W, C]}, kernel, strides, pads
 * (top, left, bottom, right) and dilations; output {@code [OH, OW, KH*KW*C]} in (ky, kx, c) order.
 */
public record SwgGeometry(int h, int w, int c, int kh, int kw, int sh, int sw, int pt, int pl, int pb, int pr,
                          int dh, int dw) {
    public SwgGeometry {
        if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || dh < 1 || dw < 1 || pt < 0 || pl < 0 || pb < 0 || pr < 0) {
            throw new IllegalArgumentException("window needs positive kernel, strides and dilations and non-negative pads");
        }
        if (h + pt + pb < (kh - 1) * dh + 1 || w + pl + pr < (kw - 1) * dw + 1) {
            throw new IllegalArgumentException("a " + kh + "x" + kw + " window does not fit a " + h + "x" + w + " image");
        }
    }

    /** The geometry of an swg op on an {@code [H, W, C]} input. */
    public static SwgGeometry of(OpAttributes a, int[] in) {
        if (in.length != 3) {
            throw new IllegalArgumentException("operand must be an [H, W, C] tensor, got rank " + in.length);
        }
        int[] k = pair(a.getInts("kernel_shape", null), "kernel_shape", 2);
        int[] s = pair(a.getInts("strides", new long[] {1, 1}), "strides", 2);
        int[] p = pair(a.getInts("pads", new long[] {0, 0, 0, 0}), "pads", 4);
        int[] d = pair(a.getInts("dilations", new long[] {1, 1}), "dilations", 2);
        return new SwgGeometry(in[0], in[1], in[2], k[0], k[1], s[0], s[1], p[0], p[1], p[2], p[3], d[0], d[1]);
    }

    private static int[] pair(long[] v, String name, int n) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(name + " needs " + n + " values");
        }
        return Permutation.toInts(v);
    }

    public int outH() {
        return (h + pt + pb - ((kh - 1) * dh + 1)) / sh + 1;
    }

    public int outW() {
        return (w + pl + pr - ((kw - 1) * dw + 1)) / sw + 1;
    }

    /** Taps per window: KH·KW. */
    public int taps() {
        return kh * kw;
    }

    public int[] outShape() {
        return new int[] {outH(), outW(), taps() * c};
    }
}
