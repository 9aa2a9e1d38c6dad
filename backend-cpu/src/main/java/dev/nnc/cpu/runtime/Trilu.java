package dev.nnc.cpu.runtime;

/**
 * ONNX Trilu over a batch of [rows, cols] matrices: keeps the elements on and above
 * ({@code upper}) or on and below diagonal {@code k} and zeroes the rest. {@code k} is read at run
 * time from its one-element array (null: 0), since models may feed it as an input.
 */
public final class Trilu {
    private Trilu() {
    }

    public static void apply(float[] x, float[] y, int batch, int rows, int cols, long[] k, boolean upper) {
        long diag = k == null ? 0 : k[0];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < rows; i++) {
                int base = (b * rows + i) * cols;
                for (int j = 0; j < cols; j++) {
                    y[base + j] = keeps(i, j, diag, upper) ? x[base + j] : 0f;
                }
            }
        }
    }

    public static void apply(long[] x, long[] y, int batch, int rows, int cols, long[] k, boolean upper) {
        long diag = k == null ? 0 : k[0];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < rows; i++) {
                int base = (b * rows + i) * cols;
                for (int j = 0; j < cols; j++) {
                    y[base + j] = keeps(i, j, diag, upper) ? x[base + j] : 0L;
                }
            }
        }
    }

    private static boolean keeps(int i, int j, long k, boolean upper) {
        return upper ? j - i >= k : j - i <= k;
    }
}
