package dev.nnc.cpu.runtime;

/**
 * {@link RowGemmKernel} in plain Java, used when {@code jdk.incubator.vector} is absent: weights
 * in one panel [k][m]; output pixels in pairs and four steps of k fused into each pass over the
 * channels, so each store of a row of C that HotSpot's auto-vectorised channel loop makes carries
 * four multiply-adds, and each weight it loads feeds two pixels (as {@link ScalarPackedKernel}).
 */
final class ScalarRowGemm implements RowGemmKernel {
    @Override
    public int panelWidth(int m) {
        return m;
    }

    @Override
    public void multiply(float[] x, int xOff, int rowStride, int[] base, int k, float[] w, int m, float[] bias, float lo,
                         float hi, float[] c, int cOff, int ldc, int rows) {
        int r = 0;
        for (; r + 1 < rows; r += 2) {
            int c0 = cOff + r * ldc;
            int x0 = xOff + r * rowStride;
            init(c, c0, m, bias);
            init(c, c0 + ldc, m, bias);
            pair(x, x0, x0 + rowStride, base, k, w, m, c, c0, c0 + ldc);
            clamp(c, c0, m, lo, hi);
            clamp(c, c0 + ldc, m, lo, hi);
        }
        if (r < rows) {
            int c0 = cOff + r * ldc;
            init(c, c0, m, bias);
            single(x, xOff + r * rowStride, base, k, w, m, c, c0);
            clamp(c, c0, m, lo, hi);
        }
    }

    /** C rows c0 and c1 += the pixels at x0 and x1 times W. */
    private static void pair(float[] x, int x0, int x1, int[] base, int k, float[] w, int m, float[] c, int c0, int c1) {
        int k4 = k - k % 4;
        for (int p = 0; p < k4; p += 4) {
            int q0 = tap(base, p);
            int q1 = tap(base, p + 1);
            int q2 = tap(base, p + 2);
            int q3 = tap(base, p + 3);
            float a0 = x[x0 + q0];
            float a1 = x[x0 + q1];
            float a2 = x[x0 + q2];
            float a3 = x[x0 + q3];
            float e0 = x[x1 + q0];
            float e1 = x[x1 + q1];
            float e2 = x[x1 + q2];
            float e3 = x[x1 + q3];
            int w0 = p * m;
            for (int j = 0; j < m; j++) {
                float v0 = w[w0 + j];
                float v1 = w[w0 + m + j];
                float v2 = w[w0 + 2 * m + j];
                float v3 = w[w0 + 3 * m + j];
                c[c0 + j] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
                c[c1 + j] += e0 * v0 + e1 * v1 + e2 * v2 + e3 * v3;
            }
        }
        for (int p = k4; p < k; p++) {
            int q = tap(base, p);
            float a0 = x[x0 + q];
            float e0 = x[x1 + q];
            int w0 = p * m;
            for (int j = 0; j < m; j++) {
                float v = w[w0 + j];
                c[c0 + j] += a0 * v;
                c[c1 + j] += e0 * v;
            }
        }
    }

    /** C row c0 += the pixel at x0 times W. */
    private static void single(float[] x, int x0, int[] base, int k, float[] w, int m, float[] c, int c0) {
        for (int p = 0; p < k; p++) {
            float a0 = x[x0 + tap(base, p)];
            int w0 = p * m;
            for (int j = 0; j < m; j++) {
                c[c0 + j] += a0 * w[w0 + j];
            }
        }
    }

    private static void init(float[] c, int at, int m, float[] bias) {
        for (int j = 0; j < m; j++) {
            c[at + j] = bias == null ? 0f : bias[j];
        }
    }

    private static void clamp(float[] c, int at, int m, float lo, float hi) {
        if (lo == Float.NEGATIVE_INFINITY && hi == Float.POSITIVE_INFINITY) {
            return;
        }
        for (int j = 0; j < m; j++) {
            c[at + j] = Math.min(Math.max(c[at + j], lo), hi);
        }
    }

    /** Where tap p of a pixel is, relative to the pixel. */
    private static int tap(int[] base, int p) {
        return base == null ? p : base[p];
    }
}
