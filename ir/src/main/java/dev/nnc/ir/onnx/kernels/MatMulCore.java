package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Shapes;
import java.util.Arrays;

/**
 * numpy {@code matmul} on flat arrays: a 1-D first operand is a row vector, a 1-D second operand a
 * column vector (the added dim is dropped from the result), and the batch dims broadcast. Floats
 * accumulate in double, integers in long with two's complement wrap-around.
 */
final class MatMulCore {
    private MatMulCore() {
    }

    /** The shapes of a matmul: batch broadcast result, M, K, N and where each batch reads. */
    record Plan(int[] outShape, int m, int k, int n, int[] aBatch, int[] bBatch) {
        int batches() {
            return aBatch.length;
        }
    }

    static Plan plan(String op, int[] aShape, int[] bShape) {
        if (aShape.length == 0 || bShape.length == 0) {
            throw new NncException(op + ": operands must have rank >= 1");
        }
        int[] a = aShape.length == 1 ? new int[] {1, aShape[0]} : aShape;
        int[] b = bShape.length == 1 ? new int[] {bShape[0], 1} : bShape;
        int m = a[a.length - 2];
        int k = a[a.length - 1];
        int n = b[b.length - 1];
        if (b[b.length - 2] != k) {
            throw new NncException(op + ": inner dimensions differ: " + Arrays.toString(aShape) + " x " + Arrays.toString(bShape));
        }
        int[] ab = Arrays.copyOf(a, a.length - 2);
        int[] bb = Arrays.copyOf(b, b.length - 2);
        int[] batch = Shapes.broadcast(ab, bb);
        if (batch == null) {
            throw new NncException(op + ": batch dimensions do not broadcast: " + Arrays.toString(aShape) + " x " + Arrays.toString(bShape));
        }
        int r = batch.length;
        int[] out = Arrays.copyOf(batch, r + 2);
        out[r] = m;
        out[r + 1] = n;
        if (aShape.length == 1 || bShape.length == 1) {
            int[] trimmed = new int[r + (aShape.length == 1 ? 0 : 1) + (bShape.length == 1 ? 0 : 1)];
            System.arraycopy(batch, 0, trimmed, 0, r);
            int at = r;
            if (aShape.length != 1) {
                trimmed[at++] = m;
            }
            if (bShape.length != 1) {
                trimmed[at] = n;
            }
            out = trimmed;
        }
        return new Plan(out, m, k, n, Shapes.broadcastIndex(ab, batch), Shapes.broadcastIndex(bb, batch));
    }

    static double[] multiply(Plan p, double[] a, double[] b) {
        int m = p.m();
        int k = p.k();
        int n = p.n();
        double[] c = new double[p.batches() * m * n];
        for (int bt = 0; bt < p.batches(); bt++) {
            int aOff = p.aBatch()[bt] * m * k;
            int bOff = p.bBatch()[bt] * k * n;
            int cOff = bt * m * n;
            for (int i = 0; i < m; i++) {
                int cRow = cOff + i * n;
                for (int kk = 0; kk < k; kk++) {
                    double av = a[aOff + i * k + kk];
                    int bRow = bOff + kk * n;
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += av * b[bRow + j];
                    }
                }
            }
        }
        return c;
    }

    static long[] multiply(Plan p, long[] a, long[] b) {
        int m = p.m();
        int k = p.k();
        int n = p.n();
        long[] c = new long[p.batches() * m * n];
        for (int bt = 0; bt < p.batches(); bt++) {
            int aOff = p.aBatch()[bt] * m * k;
            int bOff = p.bBatch()[bt] * k * n;
            int cOff = bt * m * n;
            for (int i = 0; i < m; i++) {
                int cRow = cOff + i * n;
                for (int kk = 0; kk < k; kk++) {
                    long av = a[aOff + i * k + kk];
                    int bRow = bOff + kk * n;
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += av * b[bRow + j];
                    }
                }
            }
        }
        return c;
    }

    /**
     * a minus its zero point: a scalar, or for an operand whose matrices are [rows, cols] one value
     * per row ({@code perRow}) or per column, as MatMulInteger and QLinearMatMul define them.
     */
    static long[] minusZeroPoint(String op, long[] a, long[] z, int rows, int cols, boolean perRow) {
        long[] r = a.clone();
        if (z == null) {
            return r;
        }
        int n = perRow ? rows : cols;
        if (z.length != 1 && z.length != n) {
            throw new NncException(op + ": zero point has " + z.length + " values, expected 1 or " + n);
        }
        for (int i = 0; i < r.length; i++) {
            r[i] -= z.length == 1 ? z[0] : perRow ? z[i / cols % rows] : z[i % cols];
        }
        return r;
    }

    /** A [rows, cols] matrix transposed. */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    static long[] transpose(long[] a, int rows, int cols) {
        long[] t = new long[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }
}
