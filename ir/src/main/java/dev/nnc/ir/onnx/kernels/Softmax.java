package dev.nnc.ir.onnx.kernels;

/**
 * Softmax and log-softmax in double over the middle axis of a tensor seen as [outer, n, inner],
 * shifted by the maximum for stability. A row that is entirely -inf (fully masked) gives zeros
 * from {@link #softmax} rather than NaN.
 */
public final class Softmax {
    private Softmax() {
    }

    public static double[] logSoftmax(double[] x, int outer, int n, int inner) {
        double[] out = new double[x.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    max = Math.max(max, x[base + k * inner]);
                }
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += Math.exp(x[base + k * inner] - max);
                }
                double log = Math.log(sum) + max;
                for (int k = 0; k < n; k++) {
                    out[base + k * inner] = x[base + k * inner] - log;
                }
            }
        }
        return out;
    }

    /** Softmax of one contiguous row {@code x[from, from + n)} in place. */
    public static void softmaxRow(double[] x, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, x[from + k]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(x, from, from + n, 0);
            return;
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            x[from + k] = Math.exp(x[from + k] - max);
            sum += x[from + k];
        }
        for (int k = 0; k < n; k++) {
            x[from + k] /= sum;
        }
    }
}
