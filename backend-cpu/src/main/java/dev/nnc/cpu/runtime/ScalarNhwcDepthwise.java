package dev.nnc.cpu.runtime;

/**
 * The scalar {@link NhwcDepthwiseKernel}, for JVMs without {@code jdk.incubator.vector}: the
 * innermost loop runs over the channels of one pixel, contiguous in the input, the weights and
 * the output, so HotSpot can vectorise it itself. The vector kernel runs it for fewer channels than
 * one vector.
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
        for (int j = 0; j < n; j++) {
            int a = o0 + j * step;
            int b = o1 + j * step;
            int d = o2 + j * step;
            int q = yOff + j * cs;
            for (int c = 0; c < cs; c++) {
                float v = bias[c]
                        + w[c] * x0[a + c] + w[cs + c] * x0[a + tap + c] + w[2 * cs + c] * x0[a + 2 * tap + c]
                        + w[3 * cs + c] * x1[b + c] + w[4 * cs + c] * x1[b + tap + c] + w[5 * cs + c] * x1[b + 2 * tap + c]
                        + w[6 * cs + c] * x2[d + c] + w[7 * cs + c] * x2[d + tap + c] + w[8 * cs + c] * x2[d + 2 * tap + c];
                y[q + c] = Math.min(Math.max(v, lo), hi);
            }
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
                    int xt = xr + (t - t0) * tap;
                    int wt = (r * kw + t) * channels;
                    for (int c = 0; c < channels; c++) {
                        y[q + c] += w[wt + c] * x[xt + c];
                    }
                }
            }
            for (int c = q; c < q + channels; c++) {
                y[c] = Math.min(Math.max(y[c], lo), hi);
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
                    int xt = row + t * tap;
                    int wt = (3 * r + t) * channels;
                    for (int c = 0; c < channels; c++) {
                        y[q + c] += w[wt + c] * x[xt + c];
                    }
                }
            }
            for (int c = q; c < q + channels; c++) {
                y[c] = Math.min(Math.max(y[c], lo), hi);
            }
        }
    }
}
