package dev.nnc.cpu.runtime;

/**
 * Conversions between the two layouts of a 4-D activation: NCHW (ONNX's, what every op reads)
 * and channels-last NHWC (what {@link NhwcConv} and {@link NhwcDepthwise} read and write). The
 * builder keeps depthwise/pointwise chains in NHWC and converts only where a value crosses to
 * an op that reads NCHW. Each batch item is a [C, HW] &lt;-&gt; [HW, C] matrix transpose, done in
 * square blocks so that both sides are read and written a cache line at a time.
 */
public final class ChannelsLast {
    private static final int BLOCK = 16;

    private ChannelsLast() {
    }

    /** y [batch, spatial, channels] = x [batch, channels, spatial]. */
    public static void toNhwc(float[] x, float[] y, int batch, int channels, int spatial) {
        for (int b = 0; b < batch; b++) {
            int off = b * channels * spatial;
            transpose(x, off, y, off, channels, spatial);
        }
    }

    /** y [batch, channels, spatial] = x [batch, spatial, channels]. */
    public static void toNchw(float[] x, float[] y, int batch, int channels, int spatial) {
        for (int b = 0; b < batch; b++) {
            int off = b * channels * spatial;
            transpose(x, off, y, off, spatial, channels);
        }
    }

    /** y[yOff + c * rows + r] = x[xOff + r * cols + c]: the [rows, cols] matrix at xOff, transposed. */
    private static void transpose(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        for (int r0 = 0; r0 < rows; r0 += BLOCK) {
            int r1 = Math.min(rows, r0 + BLOCK);
            for (int c0 = 0; c0 < cols; c0 += BLOCK) {
                int c1 = Math.min(cols, c0 + BLOCK);
                for (int c = c0; c < c1; c++) {
                    int dst = yOff + c * rows;
                    for (int r = r0; r < r1; r++) {
                        y[dst + r] = x[xOff + r * cols + c];
                    }
                }
            }
        }
    }
}
