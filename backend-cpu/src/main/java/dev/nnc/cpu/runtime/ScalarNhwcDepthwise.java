package dev.nnc.cpu.runtime;

/**
 * The scalar {@link NhwcDepthwiseKernel}, for JVMs without {@code jdk.incubator.vector}, and for
 * layers with fewer channels than one vector. The 3x3 interior runs one channel at a time along
 * the row with its nine weights in registers (HotSpot 17 does not vectorise the short per-pixel
 * channel loops, so a multiply-add per tap into the output costs a load and a store each); border
 * pixels and other windows add tap by tap into the output.
 */
public final class ScalarNhwcDepthwise implements NhwcDepthwiseKernel {
    public static final ScalarNhwcDepthwise INSTANCE = new ScalarNhwcDepthwise();

    private ScalarNhwcDepthwise() {
    }

    @Override
    public void run3x3(float[] x0, int o0, float[] x1, int o1, float[] x2, int o2, int step, int tap, int t0, int t1,
                       float[] w, float[] bias, int channels, float lo, float hi, float[] y, int yOff, int n) {
        if (t0 != 0 || t1 != 3) {
            edge3x3(x0, o0, x1, o1, x2, o2, step, tap, t0, t1, w, bias, channels, lo, hi, y, yOff, n);
            return;
        }
        int cs = channels;
        for (int c = 0; c < cs; c++) {
            float w0 = w[c];
            float w1 = w[cs + c];
            float w2 = w[2 * cs + c];
            float w3 = w[3 * cs + c];
            float w4 = w[4 * cs + c];
            float w5 = w[5 * cs + c];
            float w6 = w[6 * cs + c];
            float w7 = w[7 * cs + c];
            float w8 = w[8 * cs + c];
            float b = bias[c];
            int a = o0 + c;
            int e = o1 + c;
            int d = o2 + c;
            for (int q = yOff + c; q < yOff + n * cs; q += cs) {
                float v = b + w0 * x0[a] + w1 * x0[a + tap] + w2 * x0[a + 2 * tap]
                        + w3 * x1[e] + w4 * x1[e + tap] + w5 * x1[e + 2 * tap]
                        + w6 * x2[d] + w7 * x2[d + tap] + w8 * x2[d + 2 * tap];
                y[q] = Math.min(Math.max(v, lo), hi);
                a += step;
                e += step;
                d += step;
            }
        }
    }

    /** Border pixels of a 3x3 window: only kernel columns [t0, t1), accumulated in y tap by tap. */
    private static void edge3x3(float[] x0, int o0, float[] x1, int o1, float[] x2, int o2, int step, int tap, int t0,
                                int t1, float[] w, float[] bias, int channels, float lo, float hi, float[] y, int yOff,
                                int n) {
        for (int j = 0; j < n; j++) {
            int q = yOff + j * channels;
            System.arraycopy(bias, 0, y, q, channels);
            for (int r = 0; r < 3; r++) {
                float[] x = r == 0 ? x0 : r == 1 ? x1 : x2;
                int row = (r == 0 ? o0 : r == 1 ? o1 : o2) + j * step;
                for (int t = t0; t < t1; t++) {
                    multiplyAdd(x, row + t * tap, w, (3 * r + t) * channels, y, q, channels);
                }
            }
            clamp(y, q, channels, lo, hi);
        }
    }

    @Override
    public void runRect(float[] x, int xOff, int step, int rowTap, int tap, int r0, int r1, int t0, int t1, int kw,
                        float[] w, float[] bias, int channels, float lo, float hi, float[] y, int yOff, int n) {
        for (int j = 0; j < n; j++) {
            int q = yOff + j * channels;
            System.arraycopy(bias, 0, y, q, channels);
            for (int r = r0; r < r1; r++) {
                int xr = xOff + j * step + (r - r0) * rowTap;
                for (int t = t0; t < t1; t++) {
                    multiplyAdd(x, xr + (t - t0) * tap, w, (r * kw + t) * channels, y, q, channels);
                }
            }
            clamp(y, q, channels, lo, hi);
        }
    }

    /** y[q + c] += w[wOff + c] * x[xOff + c] for c < channels. */
    private static void multiplyAdd(float[] x, int xOff, float[] w, int wOff, float[] y, int q, int channels) {
        for (int c = 0; c < channels; c++) {
            y[q + c] += w[wOff + c] * x[xOff + c];
        }
    }

    private static void clamp(float[] y, int q, int channels, float lo, float hi) {
        for (int c = q; c < q + channels; c++) {
            y[c] = Math.min(Math.max(y[c], lo), hi);
        }
    }
}
