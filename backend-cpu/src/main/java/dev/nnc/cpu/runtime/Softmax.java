package dev.nnc.cpu.runtime;

/**
 * Softmax, LogSoftmax, Hardmax and LpNormalization over the middle axis of a tensor viewed as [outer, n, inner] (the builder
 * folds ONNX's axis rules, old and new, into those three sizes). The maximum is subtracted first
 * so that exp never overflows; sums are kept in double as the reference does.
 */
public final class Softmax {
    private Softmax() {
    }

    /** The exponential in use: the vector one where {@code jdk.incubator.vector} is present. */
    private static final ExpKernel EXP = VectorSupport.kernelOr("VectorExp", ExpKernel.class, ExpKernel.SCALAR);

    public static void softmax(float[] x, float[] y, int outer, int n, int inner, boolean log) {
        if (log) {
            logSoftmax(x, y, outer, n, inner);
            return;
        }
        // three passes over the whole tensor, so the exponentials run as one vector loop:
        // y = x - max of its row, y = exp(y), y *= 1 / sum of its row (summed in double)
        if (inner == 1) {
            for (int base = 0; base < outer * n; base += n) {
                float max = Float.NEGATIVE_INFINITY;
                for (int i = base; i < base + n; i++) {
                    max = Math.max(max, x[i]);
                }
                for (int i = base; i < base + n; i++) {
                    y[i] = x[i] - max;
                }
            }
        } else {
            for (int o = 0; o < outer; o++) {
                for (int in = 0; in < inner; in++) {
                    int base = o * n * inner + in;
                    int end = base + n * inner;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int i = base; i < end; i += inner) {
                        max = Math.max(max, x[i]);
                    }
                    for (int i = base; i < end; i += inner) {
                        y[i] = x[i] - max;
                    }
                }
            }
        }
        EXP.exp(y, 0, outer * n * inner);
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in;
                int end = base + n * inner;
                double sum = 0;
                for (int i = base; i < end; i += inner) {
                    sum += y[i];
                }
                float scale = (float) (1 / sum);
                for (int i = base; i < end; i += inner) {
                    y[i] *= scale;
                }
            }
        }
    }

    private static void logSoftmax(float[] x, float[] y, int outer, int n, int inner) {
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
                double logSum = Math.log(sum);
                for (int i = 0; i < n; i++) {
                    y[base + i * inner] = (float) (x[base + i * inner] - max - logSum);
                }
            }
        }
    }

    /** Hardmax: 1 at the first maximum of each row (a NaN counts as the maximum), 0 elsewhere. */
    public static void hardmax(float[] x, float[] y, int outer, int n, int inner) {
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in;
                float max = Float.NEGATIVE_INFINITY;
                int argmax = 0;
                for (int i = 0; i < n; i++) {
                    float v = x[base + i * inner];
                    if (v > max || Float.isNaN(v) && !Float.isNaN(max)) {
                        max = v;
                        argmax = i;
                    }
                }
                for (int i = 0; i < n; i++) {
                    y[base + i * inner] = i == argmax ? 1f : 0f;
                }
            }
        }
    }

    /** LpNormalization (p = 1 or 2) along the middle axis; an all-zero slice stays zero. */
    public static void lpNormalize(float[] x, float[] y, int outer, int n, int inner, int p) {
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in;
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double v = x[base + i * inner];
                    s += p == 1 ? Math.abs(v) : v * v;
                }
                double norm = p == 1 ? s : Math.sqrt(s);
                for (int i = 0; i < n; i++) {
                    y[base + i * inner] = norm == 0 ? 0f : (float) (x[base + i * inner] / norm);
                }
            }
        }
    }
}
