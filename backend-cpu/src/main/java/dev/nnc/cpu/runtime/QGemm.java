package dev.nnc.cpu.runtime;

/**
 * Integer matrix product for fixed-point layers: y[i,j] = epilogue(Σ_q a[i,q]·b[q,j], bias), every
 * product and sum exact. Row by row: a row of accumulators (int when {@link QEpilogue#intAcc},
 * else long) takes a[i,q]·b[q,·] for each q: for int accumulators the {@link QRowKernel} of
 * {@link QVectorSupport} (a jdk.incubator.vector kernel keeping the accumulators in registers
 * when the module is there, else the loop HotSpot vectorises), for long ones a plain loop;
 * then the epilogue stores the row. Rows are split over the threads for large products.
 */
public final class QGemm {
    private QGemm() {
    }

    /**
     * y[yOff + i*n + j] for the [m,k] matrix a (from aOff) times the [k,n] matrix b (from bOff);
     * bias (pre-aligned raws, or null) is read at {@code biasOff + i*biasRowStride + j*biasColStride};
     * {@code biasOff + i} is also the row's channel for per-row requantizers.
     */
    public static void matmul(Object a, int aOff, Object b, int bOff, Object y, int yOff, int m, int k, int n,
                              long[] bias, int biasOff, int biasRowStride, int biasColStride, QEpilogue e, Parallel par) {
        boolean exactOut = e.exactOut();
        par.forRange(m, (long) k * n, (from, to) -> {
            if (a instanceof int[] ai && b instanceof int[] bi && e.intAcc()) {
                QRowKernel rows = QVectorSupport.ROWS;
                int[] acc = new int[Math.min(4, to - from) * n];
                for (int i = from; i < to; i += 4) {
                    int count = Math.min(4, to - i);
                    rows.rows(ai, aOff + i * k, bi, bOff, acc, count, k, n);
                    for (int r = 0; r < count; r++) {
                        store(acc, r * n, i + r, n, bias, biasOff, biasRowStride, biasColStride, e, exactOut, y, yOff);
                    }
                }
                return;
            }
            long[] acc = new long[n];
            for (int i = from; i < to; i++) {
                java.util.Arrays.fill(acc, 0L);
                int ao = aOff + i * k;
                if (a instanceof int[] ai && b instanceof int[] bi) {
                    for (int q = 0; q < k; q++) {
                        long av = ai[ao + q];
                        if (av == 0) {
                            continue;
                        }
                        int bo = bOff + q * n;
                        for (int j = 0; j < n; j++) {
                            acc[j] += av * bi[bo + j];
                        }
                    }
                } else {
                    for (int q = 0; q < k; q++) {
                        long av = QArrays.get(a, ao + q);
                        if (av == 0) {
                            continue;
                        }
                        int bo = bOff + q * n;
                        for (int j = 0; j < n; j++) {
                            acc[j] += av * QArrays.get(b, bo + j);
                        }
                    }
                }
                store(acc, i, n, bias, biasOff, biasRowStride, biasColStride, e, exactOut, y, yOff);
            }
        });
    }

    /** Row i of the result: accumulator (shifted) plus bias, then the epilogue's requantisation or cast. */
    private static void store(int[] acc, int accOff, int i, int n, long[] bias, int biasOff, int rs, int cs, QEpilogue e,
                              boolean exactOut, Object y, int yOff) {
        if (exactOut && bias == null && e.accShift() == 0 && y instanceof int[] yi) {
            System.arraycopy(acc, accOff, yi, yOff + i * n, n);
            return;
        }
        for (int j = 0; j < n; j++) {
            long v = ((long) acc[accOff + j] << e.accShift()) + bias(bias, biasOff, i, j, rs, cs);
            QArrays.set(y, yOff + i * n + j, exactOut ? v : e.finish(v, biasOff + i, j));
        }
    }

    private static void store(long[] acc, int i, int n, long[] bias, int biasOff, int rs, int cs, QEpilogue e, boolean exactOut,
                              Object y, int yOff) {
        for (int j = 0; j < n; j++) {
            long v = (acc[j] << e.accShift()) + bias(bias, biasOff, i, j, rs, cs);
            QArrays.set(y, yOff + i * n + j, exactOut ? v : e.finish(v, biasOff + i, j));
        }
    }

    private static long bias(long[] bias, int off, int i, int j, int rowStride, int colStride) {
        return bias == null ? 0 : bias[off + i * rowStride + j * colStride];
    }
}
