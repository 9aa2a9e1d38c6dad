package dev.nnc.cpu.runtime;

/**
 * {@link PackedKernel} in plain Java: one row of C at a time, four steps of k fused into each
 * pass over a block of columns, so HotSpot's auto-vectorised inner loop loads and stores C once
 * per four multiply-adds. Used when {@code jdk.incubator.vector} is absent.
 */
final class ScalarPackedKernel implements PackedKernel {
    private static final int COLUMN_BLOCK = 256;

    @Override
    public int columnStep() {
        return 64;
    }

    @Override
    public void multiply(float[] ap, int apOff, int m, int k, float[] b, int bOff, int ldb, int[] taps, float[] c, int cOff,
                         int ldc, int colFrom, int colTo, float[] bias, int biasOff, float lo, float hi) {
        int mr = PackedGemm.MR;
        for (int j0 = colFrom; j0 < colTo; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(colTo, j0 + COLUMN_BLOCK);
            for (int i = 0; i < m; i++) {
                int a = apOff + i / mr * mr * k + i % mr;
                int ci = cOff + i * ldc;
                float init = bias == null ? 0f : bias[biasOff + i];
                for (int j = j0; j < j1; j++) {
                    c[ci + j] = init;
                }
                int k4 = k - k % 4;
                for (int p = 0; p < k4; p += 4) {
                    float a0 = ap[a + p * mr];
                    float a1 = ap[a + (p + 1) * mr];
                    float a2 = ap[a + (p + 2) * mr];
                    float a3 = ap[a + (p + 3) * mr];
                    int b0 = bOff + (taps == null ? p * ldb : taps[p]);
                    int b1 = bOff + (taps == null ? (p + 1) * ldb : taps[p + 1]);
                    int b2 = bOff + (taps == null ? (p + 2) * ldb : taps[p + 2]);
                    int b3 = bOff + (taps == null ? (p + 3) * ldb : taps[p + 3]);
                    for (int j = j0; j < j1; j++) {
                        c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                    }
                }
                for (int p = k4; p < k; p++) {
                    float a0 = ap[a + p * mr];
                    int b0 = bOff + (taps == null ? p * ldb : taps[p]);
                    for (int j = j0; j < j1; j++) {
                        c[ci + j] += a0 * b[b0 + j];
                    }
                }
                for (int j = j0; j < j1; j++) {
                    c[ci + j] = Math.min(Math.max(c[ci + j], lo), hi);
                }
            }
        }
    }
}
