package dev.nnc.passes.quant;

/**
 * An observed value range [lo, hi] of a tensor over calibration inputs. {@link #EMPTY} has seen
 * nothing yet; NaN values are ignored.
 */
public record Range(double lo, double hi) {
    public static final Range EMPTY = new Range(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

    public boolean isEmpty() {
        return lo > hi;
    }

    /** This range widened to hold every value of {@code v}. */
    public Range with(double[] v) {
        double l = lo;
        double h = hi;
        for (double x : v) {
            if (x < l) {
                l = x;
            }
            if (x > h) {
                h = x;
            }
        }
        return new Range(l, h);
    }

    public Range union(Range o) {
        return new Range(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    /** The largest magnitude in the range (0 when empty). */
    public double magnitude() {
        return isEmpty() ? 0 : Math.max(Math.abs(lo), Math.abs(hi));
    }

    @Override
    public String toString() {
        return isEmpty() ? "[]" : "[" + fmt(lo) + ", " + fmt(hi) + "]";
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.4g", d);
    }
}
