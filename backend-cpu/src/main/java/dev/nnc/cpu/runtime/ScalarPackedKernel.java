package dev.nnc.cpu.runtime;

/**
 * {@link PackedKernel} in plain Java: rows of C in pairs, four steps of k fused into each pass
 * over a block of columns, so each load of B feeds two rows and HotSpot's auto-vectorised inner
 * loop loads and stores C once per four multiply-adds. Used when {@code jdk.incubator.vector} is
 * absent.
 */
final class ScalarPackedKernel implements PackedKernel {
    private static final int COLUMN_BLOCK = 256;
    private static final int MR = PackedGemm.MR;

    @Override
    public int columnStep() {
        return 64;
    }

    @Override
    public void multiply(float[] ap, int apOff, int m, int k, float[] b, int bOff, int ldb, int[] taps, float[] c, int cOff,
                         int ldc, int colFrom, int colTo, float[] bias, int biasOff, float lo, float hi) {
        for (int j0 = colFrom; j0 < colTo; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(colTo, j0 + COLUMN_BLOCK);
            int i = 0;
            for (; i + 1 < m; i += 2) { // i is even, so rows i and i+1 share a panel
                int ci = cOff + i * ldc;
                init(c, ci, j0, j1, bias == null ? 0f : bias[biasOff + i]);
                init(c, ci + ldc, j0, j1, bias == null ? 0f : bias[biasOff + i + 1]);
                rowPair(ap, apOff + i / MR * MR * k + i % MR, k, b, bOff, ldb, taps, c, ci, ldc, j0, j1);
                clamp(c, ci, j0, j1, lo, hi);
                clamp(c, ci + ldc, j0, j1, lo, hi);
            }
            if (i < m) {
                int ci = cOff + i * ldc;
                init(c, ci, j0, j1, bias == null ? 0f : bias[biasOff + i]);
                row(ap, apOff + i / MR * MR * k + i % MR, k, b, bOff, ldb, taps, c, ci, j0, j1);
                clamp(c, ci, j0, j1, lo, hi);
            }
        }
    }

    /** C rows ci and ci+ldc += packed A rows at a and a+1 times B. */
    private static void rowPair(float[] ap, int a, int k, float[] b, int bOff, int ldb, int[] taps, float[] c, int ci,
                                int ldc, int j0, int j1) {
        int ci2 = ci + ldc;
        int k4 = k - k % 4;
        for (int p = 0; p < k4; p += 4) {
            int q = a + p * MR;
            float a0 = ap[q];
            float a1 = ap[q + MR];
            float a2 = ap[q + 2 * MR];
            float a3 = ap[q + 3 * MR];
            float e0 = ap[q + 1];
            float e1 = ap[q + MR + 1];
            float e2 = ap[q + 2 * MR + 1];
            float e3 = ap[q + 3 * MR + 1];
            int b0 = bOff + rowOf(taps, ldb, p);
            int b1 = bOff + rowOf(taps, ldb, p + 1);
            int b2 = bOff + rowOf(taps, ldb, p + 2);
            int b3 = bOff + rowOf(taps, ldb, p + 3);
            for (int j = j0; j < j1; j++) {
                float v0 = b[b0 + j];
                float v1 = b[b1 + j];
                float v2 = b[b2 + j];
                float v3 = b[b3 + j];
                c[ci + j] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
                c[ci2 + j] += e0 * v0 + e1 * v1 + e2 * v2 + e3 * v3;
            }
        }
        for (int p = k4; p < k; p++) {
            float a0 = ap[a + p * MR];
            float e0 = ap[a + p * MR + 1];
            int b0 = bOff + rowOf(taps, ldb, p);
            for (int j = j0; j < j1; j++) {
                float v = b[b0 + j];
                c[ci + j] += a0 * v;
                c[ci2 + j] += e0 * v;
            }
        }
    }

    /** C row ci += packed A row at a times B. */
    private static void row(float[] ap, int a, int k, float[] b, int bOff, int ldb, int[] taps, float[] c, int ci,
                            int j0, int j1) {
        int k4 = k - k % 4;
        for (int p = 0; p < k4; p += 4) {
            int q = a + p * MR;
            float a0 = ap[q];
            float a1 = ap[q + MR];
            float a2 = ap[q + 2 * MR];
            float a3 = ap[q + 3 * MR];
            int b0 = bOff + rowOf(taps, ldb, p);
            int b1 = bOff + rowOf(taps, ldb, p + 1);
            int b2 = bOff + rowOf(taps, ldb, p + 2);
            int b3 = bOff + rowOf(taps, ldb, p + 3);
            for (int j = j0; j < j1; j++) {
                c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
            }
        }
        for (int p = k4; p < k; p++) {
            float a0 = ap[a + p * MR];
            int b0 = bOff + rowOf(taps, ldb, p);
            for (int j = j0; j < j1; j++) {
                c[ci + j] += a0 * b[b0 + j];
            }
        }
    }

    /** Where row p of B starts (relative to bOff). */
    private static int rowOf(int[] taps, int ldb, int p) {
        return taps == null ? p * ldb : taps[p];
    }

    private static void init(float[] c, int ci, int j0, int j1, float v) {
        for (int j = j0; j < j1; j++) {
            c[ci + j] = v;
        }
    }

    private static void clamp(float[] c, int ci, int j0, int j1, float lo, float hi) {
        for (int j = j0; j < j1; j++) {
            c[ci + j] = Math.min(Math.max(c[ci + j], lo), hi);
        }
    }
}
