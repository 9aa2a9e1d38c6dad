package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * Unfolds the input windows of a convolution into a matrix [C*K, outSpatial], so the layer
 * becomes one GEMM with the weights [M, C*K] (the ONNX weight layout already is that matrix).
 */
final class Im2col {
    private Im2col() {
    }

    /** Fills {@code cols} from {@code channels} input channels of x starting at {@code xOff}. */
    static void fill(Window3 win, float[] x, int xOff, int channels, float[] cols, Parallel par) {
        if (win.in()[0] == 1 && win.kernel()[0] == 1 && win.out()[0] == 1) {
            fill2d(win, x, xOff, channels, cols, par);
            return;
        }
        int[] k = win.kernel();
        int ks = win.kernelSize();
        int outSp = win.outSize();
        par.forRange(channels * ks, outSp, (from, to) -> {
            for (int row = from; row < to; row++) {
                int c = row / ks;
                int r = row % ks;
                fillRow(win, x, xOff + c * win.inSize(), r / (k[1] * k[2]), r / k[2] % k[1], r % k[2], cols, row * outSp);
            }
        });
    }

    private static void fillRow(Window3 win, float[] x, int xOff, int k0, int k1, int k2, float[] cols, int rowOff) {
        int[] in = win.in();
        int[] out = win.out();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] p = win.padBegin();
        Arrays.fill(cols, rowOff, rowOff + win.outSize(), 0f);
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
                        cols[cr + o2] = x[xr + o2 * s[2]];
                    }
                }
            }
        }
    }

    /**
     * The 2-D case without per-row bookkeeping: the valid output columns of each kernel column
     * and the valid output rows of each kernel row are computed once, and each output row of
     * each im2col row is one copy loop (strided for a strided layer) with zeros at the edges.
     */
    private static void fill2d(Window3 win, float[] x, int xOff, int channels, float[] cols, Parallel par) {
        int kh = win.kernel()[1];
        int kw = win.kernel()[2];
        int[] colLo = new int[kw];
        int[] colHi = new int[kw];
        for (int q = 0; q < kw; q++) {
            colLo[q] = win.firstValid(2, q);
            colHi[q] = Math.max(colLo[q], win.endValid(2, q));
        }
        int ks = kh * kw;
        par.forRange(channels * ks, win.outSize(), (from, to) -> {
            for (int row = from; row < to; row++) {
                int c = row / ks;
                int r = row % ks;
                int q = r % kw;
                fillRow2d(win, x, xOff + c * win.inSize(), r / kw, q, colLo[q], colHi[q], cols, row * win.outSize());
            }
        });
    }

    private static void fillRow2d(Window3 win, float[] x, int xOff, int r, int q, int lo, int hi, float[] cols, int rowOff) {
        int inW = win.in()[2];
        int outH = win.out()[1];
        int outW = win.out()[2];
        int sh = win.strides()[1];
        int sw = win.strides()[2];
        int rowLo = win.firstValid(1, r);
        int rowHi = Math.max(rowLo, win.endValid(1, r));
        Arrays.fill(cols, rowOff, rowOff + rowLo * outW, 0f);
        Arrays.fill(cols, rowOff + rowHi * outW, rowOff + outH * outW, 0f);
        int len = hi - lo;
        for (int oh = rowLo; oh < rowHi; oh++) {
            int ih = oh * sh - win.padBegin()[1] + r * win.dilations()[1];
            int src = xOff + ih * inW + lo * sw - win.padBegin()[2] + q * win.dilations()[2];
            int dst = rowOff + oh * outW;
            for (int o = 0; o < lo; o++) {
                cols[dst + o] = 0f;
            }
            dst += lo;
            if (sw == 1) {
                for (int t = 0; t < len; t++) {
                    cols[dst + t] = x[src + t];
                }
            } else {
                for (int t = 0; t < len; t++) {
                    cols[dst + t] = x[src + t * sw];
                }
            }
            for (int o = hi; o < outW; o++) {
                cols[rowOff + oh * outW + o] = 0f;
            }
        }
    }
}
