package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.Unsigned;

/**
 * The ten ONNX {@code Reduce*} ops as fold functions. Floats fold in double; integers fold exactly
 * in long (wrapping like the element type) except where the ONNX result is irrational (L2, the
 * logs), which is computed in double and truncated toward zero as a C cast does. An empty group
 * yields the fold's identity: 0 for sums, 1 for products, -inf/+inf (or the type's min/max) for
 * max/min, log(0) = -inf for the log reductions and NaN for a mean.
 */
public enum Reducer {
    SUM("ReduceSum"), MEAN("ReduceMean"), MAX("ReduceMax"), MIN("ReduceMin"), PROD("ReduceProd"),
    L1("ReduceL1"), L2("ReduceL2"), LOG_SUM("ReduceLogSum"), LOG_SUM_EXP("ReduceLogSumExp"),
    SUM_SQUARE("ReduceSumSquare");

    private final String onnxName;

    Reducer(String onnxName) {
        this.onnxName = onnxName;
    }

    public String onnxName() {
        return onnxName;
    }

    /** Reduces each group of {@code values} (slot[i] = group of element i) into {@code groups} results. */
    public double[] reduce(double[] values, int[] slot, int groups) {
        double[] acc = new double[groups];
        int[] count = new int[groups];
        double init = switch (this) {
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            case PROD -> 1;
            default -> 0;
        };
        java.util.Arrays.fill(acc, init);
        double[] shift = this == LOG_SUM_EXP ? maxPerGroup(values, slot, groups) : null;
        for (int i = 0; i < values.length; i++) {
            int g = slot[i];
            double x = values[i];
            count[g]++;
            acc[g] = switch (this) {
                case SUM, MEAN, LOG_SUM -> acc[g] + x;
                case MAX -> max(acc[g], x);
                case MIN -> min(acc[g], x);
                case PROD -> acc[g] * x;
                case L1 -> acc[g] + Math.abs(x);
                case L2, SUM_SQUARE -> acc[g] + x * x;
                case LOG_SUM_EXP -> acc[g] + Math.exp(x - shift[g]);
            };
        }
        for (int g = 0; g < groups; g++) {
            acc[g] = switch (this) {
                case MEAN -> acc[g] / count[g];
                case L2 -> Math.sqrt(acc[g]);
                case LOG_SUM -> Math.log(acc[g]);
                case LOG_SUM_EXP -> Math.log(acc[g]) + shift[g];
                default -> acc[g];
            };
        }
        return acc;
    }

    /** The integer fold; {@code type} is the element type (for wrapping, bounds and signedness). */
    public long[] reduce(long[] values, int[] slot, int groups, ElementType type) {
        if (this == L2 || this == LOG_SUM || this == LOG_SUM_EXP) {
            double[] d = new double[values.length];
            boolean u64 = Unsigned.isU64(type);
            for (int i = 0; i < d.length; i++) {
                d[i] = u64 ? Unsigned.toDouble(values[i]) : values[i];
            }
            double[] r = reduce(d, slot, groups);
            long[] out = new long[groups];
            for (int g = 0; g < groups; g++) {
                out[g] = (long) r[g];
            }
            return out;
        }
        boolean unsigned = type instanceof IntegerType it && !it.signed();
        long[] acc = new long[groups];
        int[] count = new int[groups];
        long init = switch (this) {
            case MAX -> lowest(type);
            case MIN -> highest(type);
            case PROD -> 1;
            default -> 0;
        };
        java.util.Arrays.fill(acc, init);
        for (int i = 0; i < values.length; i++) {
            int g = slot[i];
            long x = values[i];
            count[g]++;
            acc[g] = switch (this) {
                case MAX -> compare(x, acc[g], unsigned) > 0 ? x : acc[g];
                case MIN -> compare(x, acc[g], unsigned) < 0 ? x : acc[g];
                case PROD -> acc[g] * x;
                case L1 -> acc[g] + (unsigned ? x : Math.abs(x));
                case SUM_SQUARE -> acc[g] + x * x;
                default -> acc[g] + x;
            };
        }
        if (this == MEAN) {
            for (int g = 0; g < groups; g++) {
                acc[g] = count[g] == 0 ? 0 : unsigned ? Long.divideUnsigned(acc[g], count[g]) : acc[g] / count[g];
            }
        }
        return acc;
    }

    private static double[] maxPerGroup(double[] values, int[] slot, int groups) {
        double[] m = new double[groups];
        java.util.Arrays.fill(m, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < values.length; i++) {
            m[slot[i]] = Math.max(m[slot[i]], values[i]);
        }
        for (int g = 0; g < groups; g++) {
            if (Double.isInfinite(m[g])) {
                m[g] = 0; // all -inf, empty or +inf: exp(x - 0) gives the right limit
            }
        }
        return m;
    }

    /** max that propagates NaN, as numpy does. */
    private static double max(double a, double x) {
        return Double.isNaN(a) || Double.isNaN(x) ? Double.NaN : Math.max(a, x);
    }

    private static double min(double a, double x) {
        return Double.isNaN(a) || Double.isNaN(x) ? Double.NaN : Math.min(a, x);
    }

    static int compare(long a, long b, boolean unsigned) {
        return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
    }

    private static long lowest(ElementType t) {
        if (t instanceof IntegerType it) {
            return it.minLong();
        }
        return t == BoolType.I1 ? 0 : Long.MIN_VALUE;
    }

    private static long highest(ElementType t) {
        if (t instanceof IntegerType it) {
            return it.maxLong();
        }
        return t == BoolType.I1 ? 1 : Long.MAX_VALUE;
    }
}
