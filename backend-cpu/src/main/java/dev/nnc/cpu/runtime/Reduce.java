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

    /**
     * The reduction over axes known only at run time (a model input): groups the reduced axes
     * last in {@code scratch} (x's size), then folds. No axes reduce everything, unless
     * {@code noopWithEmptyAxes}, which copies x.
     */
    public static void applyAxes(Kind kind, float[] x, float[] y, int[] shape, long[] axes, boolean noopWithEmptyAxes,
                                 float[] scratch) {
        int rank = shape.length;
        boolean[] reduced = new boolean[rank];
        if (axes.length == 0) {
            if (noopWithEmptyAxes) {
                if (y.length != x.length) {
                    throw new IllegalArgumentException("empty axes (no-op) but the compiled output has another size");
                }
                System.arraycopy(x, 0, y, 0, x.length);
                return;
            }
            java.util.Arrays.fill(reduced, true);
        }
        for (long a : axes) {
            if (a < -rank || a >= rank) {
                throw new IllegalArgumentException("axis " + a + " out of range for rank " + rank);
            }
            reduced[(int) (a < 0 ? a + rank : a)] = true;
        }
        int[] strides = new int[rank];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        int[] grouped = new int[rank];
        int[] groupedStrides = new int[rank];
        int outer = 1;
        int n = 1;
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int d = 0; d < rank; d++) {
                if (reduced[d] == (pass == 1)) {
                    grouped[k] = shape[d];
                    groupedStrides[k++] = strides[d];
                    if (pass == 0) {
                        outer *= shape[d];
                    } else {
                        n *= shape[d];
                    }
                }
            }
        }
        if (outer != y.length) {
            throw new IllegalArgumentException("axes " + java.util.Arrays.toString(axes) + " give " + outer
                    + " outputs, the compiled model has " + y.length);
        }
        Transpose.permute(x, scratch, grouped, groupedStrides);
        apply(kind, scratch, y, outer, n, 1);
    }
}
