package dev.nnc.ir.onnx.kernels;

/**
 * The element rule of LRN (local response normalization across channels), in one place: the
 * interpreter and the CPU backend's runtime both call it. Depends on nothing but {@code java.lang},
 * so a compiled model jar that uses it carries this class alone.
 */
public final class Lrn {
    private Lrn() {
    }

    /**
     * y = x / (bias + alpha / size * sum of x^2 over the channels from {@code floor((size-1)/2)}
     * before to {@code ceil((size-1)/2)} after each one), for x seen as [outer, c, inner].
     */
    public static double[] apply(double[] x, int c, int inner, long size, double alpha, double beta, double bias) {
        int before = (int) Math.floorDiv(size - 1, 2);
        int after = (int) -Math.floorDiv(-(size - 1), 2);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int ch = i / inner % c;
            int base = i - ch * inner;
            double sq = 0;
            for (int k = Math.max(0, ch - before); k <= Math.min(c - 1, ch + after); k++) {
                double v = x[base + k * inner];
                sq += v * v;
            }
            y[i] = x[i] / Math.pow(bias + alpha / size * sq, beta);
        }
        return y;
    }
}
