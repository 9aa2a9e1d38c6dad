package dev.nnc.cpu.runtime;

/**
 * The inner loops of {@link NhwcDepthwise}: runs of output pixels of one output row of a
 * channels-last depthwise convolution, every pixel's {@code channels} values contiguous. Weights
 * are packed tap-major, {@code w[tap * channels + c]}, so every tap of a pixel is a contiguous
 * run of channels in both the input and the weights: a vector of channels per load, with no
 * shuffles at any stride. Two implementations: {@link ScalarNhwcDepthwise} and one written with
 * {@code jdk.incubator.vector}, loaded only when that module is present ({@link VectorSupport}).
 * Both write every output value of the run exactly once per channel (the vector one may rewrite
 * equal values where channel blocks overlap) and clamp it to [lo, hi] as they store it.
 */
public interface NhwcDepthwiseKernel {
    /**
     * {@code n} pixels of a 3x3 window: for pixel j and channel c, {@code y[yOff + j*channels + c] =
     * clamp(bias[c] + sum over r < 3, t0 <= t < t1 of w[(3r + t)*channels + c] * xr[or + j*step + t*tap + c])}
     * where (x0, o0), (x1, o1), (x2, o2) are the three kernel rows (a row of zeros where the row lies
     * in the padding), {@code step} is the distance between neighbouring output pixels' windows and
     * {@code tap} between neighbouring taps. Kernel columns outside [t0, t1) lie in the padding and
     * are not read: the interior of a row is one run with all three, a border pixel a run of one.
     */
    void run3x3(float[] x0, int o0, float[] x1, int o1, float[] x2, int o2, int step, int tap, int t0, int t1,
                float[] w, float[] bias, int channels, float lo, float hi, float[] y, int yOff, int n);

    /**
     * {@code n} pixels of any window whose taps inside the input form the same rectangle, kernel
     * rows [r0, r1) by kernel columns [t0, t1): {@code y[yOff + j*channels + c] = clamp(bias[c] + sum
     * over r, t of w[(r*kw + t)*channels + c] * x[xOff + j*step + (r - r0)*rowTap + (t - t0)*tap + c])}.
     * An empty rectangle stores the clamped bias.
     */
    void runRect(float[] x, int xOff, int step, int rowTap, int tap, int r0, int r1, int t0, int t1, int kw,
                 float[] w, float[] bias, int channels, float lo, float hi, float[] y, int yOff, int n);
}
