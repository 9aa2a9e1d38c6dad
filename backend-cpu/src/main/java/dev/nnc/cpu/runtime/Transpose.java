package dev.nnc.cpu.runtime;

/**
 * A general permutation of axes: walks the output in order and steps through the input with the
 * permuted strides, which the builder precomputes ({@code inStrides[i]} is the input stride of
 * output axis i).
 */
public final class Transpose {
    private Transpose() {
    }

    public static void permute(float[] x, float[] y, int[] outShape, int[] inStrides) {
        int rank = outShape.length;
        if (rank == 0) {
            y[0] = x[0];
            return;
        }
        int[] idx = new int[rank];
        int last = rank - 1;
        int n = y.length;
        int src = 0;
        int innerLen = outShape[last];
        int innerStride = inStrides[last];
        for (int o = 0; o < n; o += innerLen) {
            for (int j = 0; j < innerLen; j++) {
                y[o + j] = x[src + j * innerStride];
            }
            for (int a = last - 1; a >= 0; a--) {
                src += inStrides[a];
                if (++idx[a] < outShape[a]) {
                    break;
                }
                src -= inStrides[a] * outShape[a];
                idx[a] = 0;
            }
        }
    }

    /** The same permutation for arrays of any element type, as a strided copy. */
    public static void permute(Object x, Object y, int[] outShape, int[] inStrides) {
        int[] outStrides = new int[outShape.length];
        int stride = 1;
        for (int d = outShape.length - 1; d >= 0; d--) {
            outStrides[d] = stride;
            stride *= outShape[d];
        }
        Strided.copy(x, 0, inStrides, y, 0, outStrides, outShape);
    }

    /** The transpose of a [rows, cols] matrix: a fresh [cols, rows] array (used to pre-pack weights). */
    public static float[] matrix(float[] x, int rows, int cols) {
        float[] y = new float[x.length];
        matrixInto(x, y, rows, cols);
        return y;
    }

    /** Writes the transpose of a [rows, cols] matrix into y (for an operand that changes every run). */
    public static void matrixInto(float[] x, float[] y, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                y[c * rows + r] = x[r * cols + c];
            }
        }
    }
}
