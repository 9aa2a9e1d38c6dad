package dev.nnc.cpu.runtime;

/**
 * One row of an integer matrix product: acc[j] = Σ_q a[aOff+q]·b[bOff+q*n+j] for j in [0, n), in
 * int arithmetic (exact modulo 2^32, as {@link QGemm} uses it only where the exact result fits).
 */
public interface QRowKernel {
    void row(int[] a, int aOff, int[] b, int bOff, int[] acc, int k, int n);

    /** {@code count} consecutive rows of a (from aOff, k apart) into acc[r*n + j]. */
    default void rows(int[] a, int aOff, int[] b, int bOff, int[] acc, int count, int k, int n) {
        int[] row = count == 1 ? acc : new int[n];
        for (int r = 0; r < count; r++) {
            row(a, aOff + r * k, b, bOff, row, k, n);
            if (row != acc) {
                System.arraycopy(row, 0, acc, r * n, n);
            }
        }
    }

    /** The plain loop HotSpot vectorises by itself. */
    QRowKernel SCALAR = (a, aOff, b, bOff, acc, k, n) -> {
        java.util.Arrays.fill(acc, 0, n, 0);
        for (int q = 0; q < k; q++) {
            int av = a[aOff + q];
            if (av == 0) {
                continue;
            }
            int bo = bOff + q * n;
            for (int j = 0; j < n; j++) {
                acc[j] += av * b[bo + j];
            }
        }
    };
}
