package dev.nnc.hls.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for reports: locale-independent, trailing zeros dropped, so text is deterministic. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code v} with at most {@code digits} decimals, e.g. 166.667, 5, 0.5. */
    static String decimal(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        BigDecimal d = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** A duration in ns as {@code 160 ns}, {@code 98 us} or {@code 21.177 ms}. */
    public static String time(double ns) {
        if (ns >= 1e6) {
            return decimal(ns / 1e6, 3) + " ms";
        }
        if (ns >= 1e3) {
            return decimal(ns / 1e3, 3) + " us";
        }
        return decimal(ns, 3) + " ns";
    }

    /** {@code 100 * part / whole} as {@code 12.5%}, or {@code -} without a budget. */
    static String percent(double part, double whole) {
        return whole > 0 ? decimal(100 * part / whole, 1) + "%" : "-";
    }

    /** {@code v} rounded to {@code digits} decimals, for JSON. */
    static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }
}
