package dev.nnc.cpu.runtime;

/**
 * Normalizations across channels of an [n, c, inner] tensor, in double as the interpreter
 * computes: {@code InstanceNormalization} and {@code GroupNormalization} (each (n, group) normalized
 * over its channels and spatial dims with the population variance, then scale and bias per channel,
 * or per group when they hold one value a group) and {@code LRN}.
 */
public final class ChannelNorms {
    private ChannelNorms() {
    }

    public static void groups(Object x, Object scale, Object bias, Object y, int n, int c, int inner, int groups,
                              double eps) {
        double[] xv = Elements.doubles(x);
        double[] sc = Elements.doubles(scale);
        double[] bi = Elements.doubles(bias);
        int perGroup = c / groups;
        int row = perGroup * inner;
        boolean perChannel = sc.length == c;
        double[] out = new double[xv.length];
        for (int r = 0; r < n * groups; r++) {
            double sum = 0;
            for (int i = r * row; i < (r + 1) * row; i++) {
                sum += xv[i];
            }
            double mean = sum / row;
            double sq = 0;
            for (int i = r * row; i < (r + 1) * row; i++) {
                double dv = xv[i] - mean;
                sq += dv * dv;
            }
            double denom = Math.sqrt(sq / row + eps);
            for (int i = r * row; i < (r + 1) * row; i++) {
                int ch = i / inner % c;
                int s = perChannel ? ch : ch / perGroup;
                out[i] = sc[s] * (xv[i] - mean) / denom + bi[s];
            }
        }
        Elements.store(out, y);
    }

    /** LRN: {@code y = x / (bias + alpha / size * Σ x²)^beta} over the channels within the window around each. */
    public static void lrn(Object x, Object y, int c, int inner, int size, double alpha, double beta, double bias) {
        Elements.store(dev.nnc.ir.onnx.kernels.Lrn.apply(Elements.doubles(x), c, inner, size, alpha, beta, bias), y);
    }
}
