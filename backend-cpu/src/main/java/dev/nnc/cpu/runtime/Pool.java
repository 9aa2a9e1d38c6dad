package dev.nnc.cpu.runtime;

/**
 * Max and average pooling over up to three spatial dims, plane by plane (a plane is one channel
 * of one batch item), and global average pooling. Planes are split over threads.
 */
public final class Pool {
    private Pool() {
    }

    /** MaxPool: y[plane][o] = max over the window (padding never wins). */
    public static void max(Window3 win, int planes, float[] x, float[] y, Parallel par) {
        boolean plain = isPlain2d(win);
        par.forRange(planes, (long) win.outSize() * win.kernelSize(), (from, to) -> {
            float[] rowMax = plain ? new float[win.in()[2]] : null;
            for (int pl = from; pl < to; pl++) {
                if (plain) {
                    max2d(win, x, pl * win.inSize(), y, pl * win.outSize(), rowMax);
                } else {
                    window(win, x, pl * win.inSize(), y, pl * win.outSize(), true, false);
                }
            }
        });
    }

    /** A 1-D or 2-D undilated window: {@link #max2d} serves it. */
    private static boolean isPlain2d(Window3 w) {
        return w.in()[0] == 1 && w.out()[0] == 1 && w.kernel()[0] == 1 && w.dilations()[1] == 1
                && w.dilations()[2] == 1;
    }

    /**
     * 2-D max pooling, separably: for each output row, the maximum over the window's valid input
     * rows is taken column by column into {@code rowMax} (a unit-stride loop HotSpot vectorises),
     * then each output is the maximum of its valid columns of that row. About kH + kW operations
     * per output instead of kH * kW with a loop each ({@code Math.max} lets a NaN win, as the
     * interpreter does; a window with no valid cell gives -infinity).
     */
    private static void max2d(Window3 win, float[] x, int xOff, float[] y, int yOff, float[] rowMax) {
        int inH = win.in()[1];
        int inW = win.in()[2];
        int outH = win.out()[1];
        int outW = win.out()[2];
        int kH = win.kernel()[1];
        int kW = win.kernel()[2];
        int sH = win.strides()[1];
        int sW = win.strides()[2];
        boolean inside = win.padBegin()[2] == 0 && (outW - 1) * sW + kW <= inW; // every window's columns exist
        int yi = yOff;
        for (int o1 = 0; o1 < outH; o1++) {
            int r0 = o1 * sH - win.padBegin()[1];
            int rLo = Math.max(0, r0);
            int rHi = Math.min(inH, r0 + kH);
            if (rLo >= rHi) {
                java.util.Arrays.fill(y, yi, yi + outW, Float.NEGATIVE_INFINITY);
                yi += outW;
                continue;
            }
            System.arraycopy(x, xOff + rLo * inW, rowMax, 0, inW);
            for (int r = rLo + 1; r < rHi; r++) {
                int row = xOff + r * inW;
                for (int c = 0; c < inW; c++) {
                    rowMax[c] = Math.max(rowMax[c], x[row + c]);
                }
            }
            if (inside && kW == 2) { // the common 2x2 pooling: no loop per output
                for (int o2 = 0, c = 0; o2 < outW; o2++, yi++, c += sW) {
                    y[yi] = Math.max(rowMax[c], rowMax[c + 1]);
                }
                continue;
            }
            for (int o2 = 0; o2 < outW; o2++, yi++) {
                int c0 = o2 * sW - win.padBegin()[2];
                int cLo = Math.max(0, c0);
                int cHi = Math.min(inW, c0 + kW);
                float m = Float.NEGATIVE_INFINITY;
                for (int c = cLo; c < cHi; c++) {
                    m = Math.max(m, rowMax[c]);
                }
                y[yi] = m;
            }
        }
    }

    /** AveragePool: the mean over the window's input cells, or over its padded extent when {@code countIncludePad}. */
    public static void average(Window3 win, int planes, boolean countIncludePad, float[] x, float[] y, Parallel par) {
        par.forRange(planes, (long) win.outSize() * win.kernelSize(), (from, to) -> {
            for (int pl = from; pl < to; pl++) {
                window(win, x, pl * win.inSize(), y, pl * win.outSize(), false, countIncludePad);
            }
        });
    }

    /** GlobalAveragePool: the mean of each plane of {@code spatial} values. */
    public static void globalAverage(int planes, int spatial, float[] x, float[] y) {
        for (int pl = 0; pl < planes; pl++) {
            float sum = 0f;
            for (int i = pl * spatial; i < (pl + 1) * spatial; i++) {
                sum += x[i];
            }
            y[pl] = sum / spatial;
        }
    }

    /** GlobalMaxPool: the maximum of each plane of {@code spatial} values (a NaN wins). */
    public static void globalMax(int planes, int spatial, float[] x, float[] y) {
        for (int pl = 0; pl < planes; pl++) {
            float m = Float.NEGATIVE_INFINITY;
            for (int i = pl * spatial; i < (pl + 1) * spatial; i++) {
                m = x[i] > m || Float.isNaN(x[i]) ? x[i] : m;
            }
            y[pl] = m;
        }
    }

    private static void window(Window3 win, float[] x, int xOff, float[] y, int yOff, boolean max, boolean includePad) {
        int[] in = win.in();
        int[] out = win.out();
        int[] k = win.kernel();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] pb = win.padBegin();
        int[] pe = win.padEnd();
        int yi = yOff;
        for (int o0 = 0; o0 < out[0]; o0++) {
            for (int o1 = 0; o1 < out[1]; o1++) {
                for (int o2 = 0; o2 < out[2]; o2++, yi++) {
                    float acc = max ? Float.NEGATIVE_INFINITY : 0f;
                    int valid = 0;
                    int padded = 0;
                    for (int k0 = 0; k0 < k[0]; k0++) {
                        int i0 = o0 * s[0] - pb[0] + k0 * d[0];
                        boolean in0 = i0 >= 0 && i0 < in[0];
                        boolean pad0 = i0 < in[0] + pe[0];
                        for (int k1 = 0; k1 < k[1]; k1++) {
                            int i1 = o1 * s[1] - pb[1] + k1 * d[1];
                            boolean in1 = in0 && i1 >= 0 && i1 < in[1];
                            boolean pad1 = pad0 && i1 < in[1] + pe[1];
                            for (int k2 = 0; k2 < k[2]; k2++) {
                                int i2 = o2 * s[2] - pb[2] + k2 * d[2];
                                if (pad1 && i2 < in[2] + pe[2]) {
                                    padded++;
                                }
                                if (in1 && i2 >= 0 && i2 < in[2]) {
                                    float v = x[xOff + (i0 * in[1] + i1) * in[2] + i2];
                                    acc = max ? (v > acc || Float.isNaN(v) ? v : acc) : acc + v;
                                    valid++;
                                }
                            }
                        }
                    }
                    y[yi] = max ? acc : acc / (includePad ? padded : valid);
                }
            }
        }
    }
}
