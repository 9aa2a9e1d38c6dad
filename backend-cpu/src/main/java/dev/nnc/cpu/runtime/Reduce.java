package dev.nnc.cpu.runtime;

/**
 * The ONNX Reduce* ops over the middle axis of a tensor viewed as [outer, n, inner] (the builder
 * merges the reduced axes into that one). Folds run in double like the reference; an empty group
 * gives the fold's identity.
 */
public final class Reduce {
    /** The ten reductions, named after the ONNX op without its {@code Reduce} prefix. */
    public enum Kind { SUM, MEAN, MAX, MIN, PROD, L1, L2, LOG_SUM, LOG_SUM_EXP, SUM_SQUARE }

    private Reduce() {
    }

    public static void apply(Kind kind, float[] x, float[] y, int outer, int n, int inner) {
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in;
                double shift = 0;
                if (kind == Kind.LOG_SUM_EXP) {
                    shift = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        shift = Math.max(shift, x[base + i * inner]);
                    }
                    if (Double.isInfinite(shift)) {
                        shift = 0;
                    }
                }
                double acc = kind == Kind.MAX ? Double.NEGATIVE_INFINITY : kind == Kind.MIN ? Double.POSITIVE_INFINITY
                        : kind == Kind.PROD ? 1 : 0;
                for (int i = 0; i < n; i++) {
                    double v = x[base + i * inner];
                    acc = switch (kind) {
                        case SUM, MEAN, LOG_SUM -> acc + v;
                        case MAX -> v > acc || Double.isNaN(v) ? v : acc;
                        case MIN -> v < acc || Double.isNaN(v) ? v : acc;
                        case PROD -> acc * v;
                        case L1 -> acc + Math.abs(v);
                        case L2, SUM_SQUARE -> acc + v * v;
                        case LOG_SUM_EXP -> acc + Math.exp(v - shift);
                    };
                }
                y[o * inner + in] = (float) switch (kind) {
                    case MEAN -> acc / n;
                    case L2 -> Math.sqrt(acc);
                    case LOG_SUM -> Math.log(acc);
                    case LOG_SUM_EXP -> Math.log(acc) + shift;
                    default -> acc;
                };
            }
        }
    }
}
