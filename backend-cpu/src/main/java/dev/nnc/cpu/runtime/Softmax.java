package dev.nnc.cpu.runtime;

/**
 * Softmax and LogSoftmax over the middle axis of a tensor viewed as [outer, n, inner] (the builder
 * folds ONNX's axis rules, old and new, into those three sizes). The maximum is subtracted first
 * so that exp never overflows; sums are kept in double as the reference does.
 */
public final class Softmax {
    private Softmax() {
    }

    public static void softmax(float[] x, float[] y, int outer, int n, int inner, boolean log) {
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in;
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    max = Math.max(max, x[base + i * inner]);
                }
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Math.exp(x[base + i * inner] - max);
                }
                if (log) {
                    double logSum = Math.log(sum);
                    for (int i = 0; i < n; i++) {
                        y[base + i * inner] = (float) (x[base + i * inner] - max - logSum);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        y[base + i * inner] = (float) (Math.exp(x[base + i * inner] - max) / sum);
                    }
                }
            }
        }
    }
}
