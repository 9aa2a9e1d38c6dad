package dev.nnc.cpu.runtime;

/**
 * The inner loops of {@link PackedGemm}: {@code C = clamp(A·B + bias)} for A pre-packed in panels
 * of {@link PackedGemm#MR} rows (k-major, zero rows past M) and B row-major with leading
 * dimension {@code ldb}. Two implementations: {@link ScalarPackedKernel}, which HotSpot
 * auto-vectorises, and one written with {@code jdk.incubator.vector} that keeps an MR x 2-vector
 * tile of C in registers across k, loaded only when that module is present ({@link VectorSupport}).
 */
public interface PackedKernel {
    /**
     * Columns [colFrom, colTo) of C rows [0, m): {@code c[cOff + i*ldc + j] = clamp(sum_p
     * A[i][p]·b[bOff + row(p) + j] + bias[biasOff + i])} where row(p) is {@code taps[p]}, or
     * {@code p*ldb} when taps is null. {@code bias} may be null (no bias).
     */
    void multiply(float[] ap, int apOff, int m, int k, float[] b, int bOff, int ldb, int[] taps, float[] c, int cOff, int ldc,
                  int colFrom, int colTo, float[] bias, int biasOff, float lo, float hi);

    /** Columns a thread should take at a time (the kernel's tile width). */
    int columnStep();
}
