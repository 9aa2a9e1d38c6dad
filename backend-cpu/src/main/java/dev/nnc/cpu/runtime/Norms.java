package dev.nnc.cpu.runtime;

/**
 * LayerNormalization and RMSNormalization over the last {@code cols} values of each of
 * {@code rows} rows, with per-column scale and optional bias. Moments are taken in double and the
 * normalized value is rounded to float before the affine step, as the reference does.
 */
public final class Norms {
    private Norms() {
    }

    public static void layer(float[] x, float[] y, int rows, int cols, float[] scale, float[] bias, float epsilon,
                             boolean rms) {
        layer(x, y, rows, cols, scale, bias, epsilon, rms, null, null);
    }

    /** The same, also storing each row's mean and 1/sqrt(var + epsilon) when those arrays are given. */
    public static void layer(float[] x, float[] y, int rows, int cols, float[] scale, float[] bias, float epsilon,
                             boolean rms, float[] meanOut, float[] invStdOut) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double mean = 0;
            if (!rms) {
                for (int c = 0; c < cols; c++) {
                    mean += x[base + c];
                }
                mean /= cols;
            }
            double var = 0;
            for (int c = 0; c < cols; c++) {
                double d = x[base + c] - mean;
                var += d * d;
            }
            var /= cols;
            double inv = 1.0 / Math.sqrt(var + epsilon);
            if (meanOut != null) {
                meanOut[r] = (float) mean;
            }
            if (invStdOut != null) {
                invStdOut[r] = (float) inv;
            }
            for (int c = 0; c < cols; c++) {
                float norm = (float) ((x[base + c] - mean) * inv);
                y[base + c] = (float) ((double) norm * scale[c] + (bias == null ? 0 : bias[c]));
            }
        }
    }
}
