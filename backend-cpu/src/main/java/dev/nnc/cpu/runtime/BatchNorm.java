package dev.nnc.cpu.runtime;

/**
 * Inference-mode BatchNormalization on [N, C, spatial]: per channel, y = x * a + b with
 * a = scale / sqrt(var + eps) and b = bias - mean * a, computed in double once per call (C values).
 */
public final class BatchNorm {
    private BatchNorm() {
    }

    public static void inference(float[] x, float[] y, int batch, int channels, int spatial, float[] scale,
                                 float[] bias, float[] mean, float[] var, float epsilon) {
        for (int c = 0; c < channels; c++) {
            double a = scale[c] / Math.sqrt((double) var[c] + epsilon);
            float mul = (float) a;
            float add = (float) (bias[c] - mean[c] * a);
            for (int b = 0; b < batch; b++) {
                int off = (b * channels + c) * spatial;
                for (int i = off; i < off + spatial; i++) {
                    y[i] = x[i] * mul + add;
                }
            }
        }
    }
}
