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
    /** The auto-vectorised kernel of this class. */
    public static final GemmKernel SCALAR = Gemm::block;
    /** The kernel in use: the vector one where {@code jdk.incubator.vector} is present, else {@link #SCALAR}. */
    private static final GemmKernel KERNEL = VectorSupport.gemmOr(SCALAR);

    private Gemm() {
    }

    /** C += A·B for one matrix triple starting at the given offsets. */
    public static void multiplyAdd(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                   int m, int k, int n, Parallel par) {
        if (m == 1) {
            // a single row (a batch-1 dense layer) is an AXPY chain the scalar kernel already vectorises
            par.forRange(n, k, (from, to) -> SCALAR.block(a, aOff, b, bOff, c, cOff, 0, 1, from, to, k, n));
        } else {
            par.forRange(m, (long) k * n, (from, to) -> KERNEL.block(a, aOff, b, bOff, c, cOff, from, to, 0, n, k, n));
        }
    }

    /** Which kernel runs: {@code vector} or {@code scalar}. */
    public static String kernelName() {
        return KERNEL == SCALAR ? "scalar" : "vector";
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

    /**
     * One block of C. Rows go in pairs and four steps of k are fused into each pass over a strip
     * of C, so each load of B feeds two rows and C is loaded and stored once per four
     * multiply-adds; HotSpot vectorises the j loops.
     */
    private static void block(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              int rowFrom, int rowTo, int colFrom, int colTo, int k, int n) {
        for (int j0 = colFrom; j0 < colTo; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(colTo, j0 + COLUMN_BLOCK);
            int i = rowFrom;
            for (; i + 1 < rowTo; i += 2) {
                rowPair(a, aOff + i * k, b, bOff, c, cOff + i * n, j0, j1, k, n);
            }
            if (i < rowTo) {
                row(a, aOff + i * k, b, bOff, c, cOff + i * n, j0, j1, k, n);
            }
        }
    }

    /** C rows ci and ci+n, columns [j0, j1), += A rows ai and ai+k times B. */
    private static void rowPair(float[] a, int ai, float[] b, int bOff, float[] c, int ci, int j0, int j1, int k, int n) {
        int k4 = k - k % 4;
        int ai2 = ai + k;
        int ci2 = ci + n;
        for (int p = 0; p < k4; p += 4) {
            float a0 = a[ai + p];
            float a1 = a[ai + p + 1];
            float a2 = a[ai + p + 2];
            float a3 = a[ai + p + 3];
            float e0 = a[ai2 + p];
            float e1 = a[ai2 + p + 1];
            float e2 = a[ai2 + p + 2];
            float e3 = a[ai2 + p + 3];
            int b0 = bOff + p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
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
            float a0 = a[ai + p];
            float e0 = a[ai2 + p];
            int bp = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                float v = b[bp + j];
                c[ci + j] += a0 * v;
                c[ci2 + j] += e0 * v;
            }
        }
    }

    /** C row ci, columns [j0, j1), += A row ai times B. */
    private static void row(float[] a, int ai, float[] b, int bOff, float[] c, int ci, int j0, int j1, int k, int n) {
        int k4 = k - k % 4;
        for (int p = 0; p < k4; p += 4) {
            float a0 = a[ai + p];
            float a1 = a[ai + p + 1];
            float a2 = a[ai + p + 2];
            float a3 = a[ai + p + 3];
            int b0 = bOff + p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = j0; j < j1; j++) {
                c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
            }
        }
        for (int p = k4; p < k; p++) {
            float aip = a[ai + p];
            int bp = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                c[ci + j] += aip * b[bp + j];
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
