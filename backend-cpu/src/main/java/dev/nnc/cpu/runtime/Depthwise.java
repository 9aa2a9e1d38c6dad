package dev.nnc.cpu.runtime;

/**
 * Depthwise convolution (one input and one output channel per group), one channel at a time.
 * The common 3x3, stride-1 layer with padding of at most 1 runs a loop that applies all nine taps
 * to each output element at once (each output is loaded and stored once); every other window runs
 * {@link #general}, tap by tap along output rows.
 */
final class Depthwise {

    private Depthwise() {
    }

    /** y[channel] += depthwise(x[channel], w[channel]); the caller has put the bias in y. */
    static void channel(Window3 win, float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
        if (isPlain3x3(win)) {
            plain3x3(win, x, xOff, w, wOff, y, yOff);
        } else {
            general(win, x, xOff, w, wOff, y, yOff);
        }
    }

    private static boolean isPlain3x3(Window3 win) {
        return win.kernel()[0] == 1 && win.kernel()[1] == 3 && win.kernel()[2] == 3 && win.strides()[1] == 1
                && win.strides()[2] == 1 && win.dilations()[1] == 1 && win.dilations()[2] == 1
                && win.padBegin()[2] <= 1 && win.in()[2] >= 2 && win.out()[2] == win.in()[2] + win.padBegin()[2]
                + win.padEnd()[2] - 2;
    }

    /**
     * 3x3, stride 1: for each output row, the three input rows it reads (an absent row, in the
     * padding, has zero weights), then the interior columns with all nine taps in one expression
     * and the edge columns with bounds checks.
     */
    private static void plain3x3(Window3 win, float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
        int inH = win.in()[1];
        int inW = win.in()[2];
        int outH = win.out()[1];
        int outW = win.out()[2];
        int pad = win.padBegin()[2];
        int padTop = win.padBegin()[1];
        float[] tw = new float[9];
        float[][] rows = new float[3][];
        int[] rowOff = new int[3];
        float[] zeros = new float[inW + 2];
        for (int o1 = 0; o1 < outH; o1++) {
            for (int r = 0; r < 3; r++) {
                int i1 = o1 - padTop + r;
                boolean ok = i1 >= 0 && i1 < inH;
                // a row in the padding reads zeros with zero weights (never 0 * Inf from a neighbour)
                rows[r] = ok ? x : zeros;
                rowOff[r] = ok ? xOff + i1 * inW - pad : -pad;
                for (int c = 0; c < 3; c++) {
                    tw[r * 3 + c] = ok ? w[wOff + r * 3 + c] : 0f;
                }
            }
            float[] x0 = rows[0];
            float[] x1 = rows[1];
            float[] x2 = rows[2];
            int r0 = rowOff[0];
            int r1 = rowOff[1];
            int r2 = rowOff[2];
            int yr = yOff + o1 * outW;
            // interior: columns whose three taps are all inside the row
            int lo = pad;
            int hi = Math.min(outW, inW + pad - 2);
            float w0 = tw[0];
            float w1 = tw[1];
            float w2 = tw[2];
            float w3 = tw[3];
            float w4 = tw[4];
            float w5 = tw[5];
            float w6 = tw[6];
            float w7 = tw[7];
            float w8 = tw[8];
            for (int o = lo; o < hi; o++) {
                y[yr + o] += w0 * x0[r0 + o] + w1 * x0[r0 + o + 1] + w2 * x0[r0 + o + 2]
                        + w3 * x1[r1 + o] + w4 * x1[r1 + o + 1] + w5 * x1[r1 + o + 2]
                        + w6 * x2[r2 + o] + w7 * x2[r2 + o + 1] + w8 * x2[r2 + o + 2];
            }
            for (int o = 0; o < outW; o++) {
                if (o >= lo && o < hi) {
                    o = hi - 1;
                    continue;
                }
                float acc = 0f;
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        int col = o - pad + c;
                        if (col >= 0 && col < inW) {
                            acc += tw[r * 3 + c] * rows[r][rowOff[r] + pad + col];
                        }
                    }
                }
                y[yr + o] += acc;
            }
        }
    }

    /**
     * Any depthwise window, one output row at a time: every kernel tap adds
     * {@code w * x} along the row (an AXPY), so the row stays in cache across the taps. For stride
     * 2 the input row is first split into its even and odd elements, so every tap reads unit-stride
     * and vectorises.
     */
    static void general(Window3 win, float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
        int[] in = win.in();
        int[] out = win.out();
        int[] k = win.kernel();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] p = win.padBegin();
        float[][] phases = s[2] == 2 ? new float[][] {new float[(in[2] + 1) / 2], new float[in[2] / 2]} : null;
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
                        if (s[2] == 2) {
                            deinterleave(x, xRow, in[2], phases);
                        }
                        for (int k2 = 0; k2 < k[2]; k2++) {
                            float wv = w[wOff + (k0 * k[1] + k1) * k[2] + k2];
                            int off = k2 * d[2] - p[2];
                            int to = win.endValid(2, k2);
                            if (s[2] == 1) {
                                for (int o2 = win.firstValid(2, k2); o2 < to; o2++) {
                                    y[yr + o2] += wv * x[xRow + off + o2];
                                }
                            } else if (s[2] == 2) {
                                // x[xRow + off + 2*o2] is element floorDiv(off, 2) + o2 of the even or odd phase
                                float[] phase = phases[Math.floorMod(off, 2)];
                                int base = Math.floorDiv(off, 2);
                                for (int o2 = win.firstValid(2, k2); o2 < to; o2++) {
                                    y[yr + o2] += wv * phase[base + o2];
                                }
                            } else {
                                for (int o2 = win.firstValid(2, k2); o2 < to; o2++) {
                                    y[yr + o2] += wv * x[xRow + off + o2 * s[2]];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Splits {@code n} values of x from {@code from} into even-indexed and odd-indexed halves. */
    private static void deinterleave(float[] x, int from, int n, float[][] phases) {
        float[] even = phases[0];
        float[] odd = phases[1];
        for (int t = 0; t < n / 2; t++) {
            even[t] = x[from + 2 * t];
            odd[t] = x[from + 2 * t + 1];
        }
        if (n % 2 == 1) {
            even[n / 2] = x[from + n - 1];
        }
    }
}
