package dev.nnc.cpu.runtime;

/**
 * The inner loops of {@link NhwcConv}: a product whose rows are output pixels and whose columns
 * are output channels, so the result is stored channels-last. Row r of the left operand is read
 * in place from the input, at {@code x[xOff + r*rowStride + base[p]]} for k index p (or
 * {@code + p} when base is null: a contiguous NHWC pixel), so neither a pointwise layer nor a
 * strided window needs an im2col copy. The weights are packed once, by {@link #panelWidth}, in
 * column panels of k rows. Two implementations: {@link ScalarRowGemm}, and one written with
 * {@code jdk.incubator.vector} (resource VectorRowGemm.java.txt) loaded by {@link VectorSupport}.
 */
public interface RowGemmKernel {
    /**
     * The width of the column panels weights for m output channels are packed in: packed weight
     * (p, j) is at {@code (j / P * k + p) * P + j % P}, zero past m.
     */
    int panelWidth(int m);

    /**
     * For rows r in [0, rows) and columns j in [0, m): {@code c[cOff + r*ldc + j] = clamp(bias[j] +
     * sum_p x[xOff + r*rowStride + (base == null ? p : base[p])] * W[p][j])}, W packed for m as
     * {@link #panelWidth} says; {@code bias} (m floats) may be null.
     */
    void multiply(float[] x, int xOff, int rowStride, int[] base, int k, float[] w, int m, float[] bias, float lo,
                  float hi, float[] c, int cOff, int ldc, int rows);

    /**
     * {@link #multiply} for the taps of a 2-D window: k = rows of taps x kw, and the taps of a row
     * are dilation apart, {@code base[q*kw + j] = base[q*kw] + j*dilation}. Knowing that
     * structure, a kernel may broadcast each input value once for all the pixels whose windows
     * cover it. Reads no pixel at or past {@code rows}.
     */
    default void multiplyWindow(float[] x, int xOff, int rowStride, int[] base, int k, int kw, int dilation, float[] w,
                                int m, float[] bias, float lo, float hi, float[] c, int cOff, int ldc, int rows) {
        multiply(x, xOff, rowStride, base, k, w, m, bias, lo, hi, c, cOff, ldc, rows);
    }
}
