package dev.nnc.cpu.runtime;

/**
 * Matrix products over row-major float arrays: {@code C[m][n] += A[m][k] * B[k][n]}. The loop
 * order i-p-j makes the innermost loop a unit-stride AXPY that HotSpot vectorises; columns are
 * blocked so a strip of C and the matching rows of B stay in cache across the k loop. Rows are
 * split over threads (columns when there is a single row, as in a batch-1 dense layer).
 */
public final class Gemm {
    /** Columns per block: a 1 KiB strip of C, and K such strips of B. */
    private static final int COLUMN_BLOCK = 256;

    private Gemm() {
    }

    /** C += A·B for one matrix triple starting at the given offsets. */
    public static void multiplyAdd(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                   int m, int k, int n, Parallel par) {
        if (m == 1) {
            par.forRange(n, k, (from, to) -> block(a, aOff, b, bOff, c, cOff, 0, 1, from, to, k, n));
        } else {
            par.forRange(m, (long) k * n, (from, to) -> block(a, aOff, b, bOff, c, cOff, from, to, 0, n, k, n));
        }
    }

    /**
     * Batched C = A·B (C is overwritten): {@code batch} products, the operands advancing by their
     * batch strides (0 for an operand broadcast over the batch).
     */
    public static void matmul(float[] a, int aBatchStride, float[] b, int bBatchStride, float[] c,
                              int batch, int m, int k, int n, Parallel par) {
        java.util.Arrays.fill(c, 0, batch * m * n, 0f);
        for (int t = 0; t < batch; t++) {
            multiplyAdd(a, t * aBatchStride, b, t * bBatchStride, c, t * m * n, m, k, n, par);
        }
    }

    private static void block(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              int rowFrom, int rowTo, int colFrom, int colTo, int k, int n) {
        for (int j0 = colFrom; j0 < colTo; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(colTo, j0 + COLUMN_BLOCK);
            for (int i = rowFrom; i < rowTo; i++) {
                int ci = cOff + i * n;
                int ai = aOff + i * k;
                for (int p = 0; p < k; p++) {
                    float aip = a[ai + p];
                    int bp = bOff + p * n;
                    for (int j = j0; j < j1; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                }
            }
        }
    }

    /**
     * Gemm's epilogue {@code Y = alpha * Y + beta * C} with C broadcast to [m, n] through its row
     * and column strides (0 along a broadcast axis); {@code c} may be null (no C operand).
     */
    public static void scaleAdd(float[] y, int m, int n, float alpha, float[] c, int cRowStride, int cColStride,
                                float beta) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float v = alpha * y[i * n + j];
                y[i * n + j] = c == null ? v : v + beta * c[i * cRowStride + j * cColStride];
            }
        }
    }
}
