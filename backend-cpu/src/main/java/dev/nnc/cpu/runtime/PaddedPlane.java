package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * One channel of a 2-D depthwise 3x3 layer copied into a zero-padded plane, so the kernel loop
 * has no bounds checks and reads every tap at unit stride. Plane column c holds input column
 * {@code c - padLeft}; plane row r input row {@code r - padTop} (zeros outside the input). For
 * stride 2 the even plane rows come first, then the odd ones: output row o1 then reads rows
 * o1 and o1 + 1 of the even half and row o1 of the odd half, so consecutive output rows are one
 * plane row apart in both layouts, and a whole channel is one {@link DepthwiseKernel} run over the
 * flattened plane (positions past a row's valid columns are computed and dropped). Wide stride-1
 * rows are written straight to the output instead. One buffer per thread, grown when a larger
 * layer needs it and zeroed when the layer changes: no allocation per call, and per channel only
 * the input rows are copied.
 */
final class PaddedPlane {
    private static final ThreadLocal<PaddedPlane> PER_THREAD = ThreadLocal.withInitial(PaddedPlane::new);
    /** Stride-1 rows at least this wide are computed row by row into the output. */
    private static final int WIDE = 32;

    private float[] data = new float[0];
    private float[] run = new float[0];
    private Window3 win;
    private int stride;
    private int rows;
    private int len;
    private int oddRows;
    private int runLength;

    private PaddedPlane() {
    }

    /** True for the windows this layout serves: 2-D, 3x3, undilated, stride 1 or 2 in both dims. */
    static boolean fits(Window3 w) {
        int s = w.strides()[2];
        return w.in()[0] == 1 && w.out()[0] == 1 && w.kernel()[0] == 1 && w.kernel()[1] == 3 && w.kernel()[2] == 3
                && w.dilations()[1] == 1 && w.dilations()[2] == 1 && (s == 1 || s == 2) && w.strides()[1] == s;
    }

    /** The calling thread's plane, laid out for {@code win}. */
    static PaddedPlane forThread(Window3 win) {
        PaddedPlane p = PER_THREAD.get();
        p.layout(win);
        return p;
    }

    private void layout(Window3 w) {
        if (w == win) {
            return;
        }
        stride = w.strides()[2];
        int outH = w.out()[1];
        int outW = w.out()[2];
        rows = (outH - 1) * stride + 3;
        len = (outW - 1) * stride + 3;
        oddRows = stride == 1 ? 0 : rows / 2;
        // the flattened run covers output rows 0..outH-1 at full horizontal resolution
        runLength = (outH - 1) * len + len - 2;
        if (data.length < rows * len) {
            data = new float[rows * len];
        } else {
            Arrays.fill(data, 0, rows * len, 0f);
        }
        if (run.length < runLength) {
            run = new float[runLength];
        }
        win = w;
    }

    /**
     * Copies the channel starting at {@code x[xOff]} in. The padding cells were zeroed when the
     * layout was set and no channel writes them, so only the input rows are copied.
     */
    void load(float[] x, int xOff) {
        int inH = win.in()[1];
        int inW = win.in()[2];
        int padTop = win.padBegin()[1];
        int padLeft = Math.min(win.padBegin()[2], len);
        int n = Math.max(0, Math.min(inW, len - padLeft)); // input columns that land in the plane
        int evenRows = rows - oddRows;
        for (int r = Math.max(0, padTop); r < Math.min(rows, padTop + inH); r++) {
            int base = (stride == 1 ? r : r % 2 == 0 ? r / 2 : evenRows + r / 2) * len;
            System.arraycopy(x, xOff + (r - padTop) * inW, data, base + padLeft, n);
        }
    }

    /** y = clamp(bias + the nine taps of w[wOff..wOff+9)) over the loaded channel. */
    void apply(DepthwiseKernel kernel, float[] w, int wOff, float bias, Clamp clamp, float[] y, int yOff) {
        float lo = clamp.lo();
        float hi = clamp.hi();
        int outH = win.out()[1];
        int outW = win.out()[2];
        int r1 = stride == 1 ? len : (rows - oddRows) * len;
        int r2 = stride == 1 ? 2 * len : len;
        if (stride == 1 && outW >= WIDE) {
            for (int o1 = 0; o1 < outH; o1++) {
                kernel.taps3x3(data, o1 * len, r1, r2, w, wOff, bias, lo, hi, y, yOff + o1 * outW, outW);
            }
            return;
        }
        kernel.taps3x3(data, 0, r1, r2, w, wOff, bias, lo, hi, run, 0, runLength);
        for (int o1 = 0; o1 < outH; o1++) {
            int from = o1 * len;
            int to = yOff + o1 * outW;
            if (stride == 1) {
                System.arraycopy(run, from, y, to, outW);
            } else {
                for (int o = 0; o < outW; o++) {
                    y[to + o] = run[from + 2 * o];
                }
            }
        }
    }
}
