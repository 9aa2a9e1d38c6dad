package dev.nnc.cpu.runtime;

/**
 * {@link RowGemmKernel} in plain Java, used when {@code jdk.incubator.vector} is absent: weights
 * in one panel [k][m], rows of C in groups of four, so each weight row HotSpot's auto-vectorised
 * column loop loads feeds four output pixels.
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
        for (; r + 3 < rows; r += 4) {
            int c0 = cOff + r * ldc;
            int c1 = c0 + ldc;
            int c2 = c1 + ldc;
            int c3 = c2 + ldc;
            init(c, c0, m, bias);
            init(c, c1, m, bias);
            init(c, c2, m, bias);
            init(c, c3, m, bias);
            int x0 = xOff + r * rowStride;
            int x1 = x0 + rowStride;
            int x2 = x1 + rowStride;
            int x3 = x2 + rowStride;
            for (int p = 0; p < k; p++) {
                int q = base == null ? p : base[p];
                float a0 = x[x0 + q];
                float a1 = x[x1 + q];
                float a2 = x[x2 + q];
                float a3 = x[x3 + q];
                int wp = p * m;
                for (int j = 0; j < m; j++) {
                    float v = w[wp + j];
                    c[c0 + j] += a0 * v;
                    c[c1 + j] += a1 * v;
                    c[c2 + j] += a2 * v;
                    c[c3 + j] += a3 * v;
                }
            }
            clamp(c, c0, m, lo, hi);
            clamp(c, c1, m, lo, hi);
            clamp(c, c2, m, lo, hi);
            clamp(c, c3, m, lo, hi);
        }
        for (; r < rows; r++) {
            int c0 = cOff + r * ldc;
            init(c, c0, m, bias);
            int x0 = xOff + r * rowStride;
            for (int p = 0; p < k; p++) {
                float a0 = x[x0 + (base == null ? p : base[p])];
                int wp = p * m;
                for (int j = 0; j < m; j++) {
                    c[c0 + j] += a0 * w[wp + j];
                }
            }
            clamp(c, c0, m, lo, hi);
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
}
