package dev.nnc.ir.fixed;

import dev.nnc.ir.type.FixedType;

/**
 * Choosing a format for an observed range: the fewest integer bits I such that every value in
 * [lo, hi] quantises to {@code fixed<W,I>} (or {@code ufixed}) without overflow under
 * {@link CastMode#DEFAULT}; fewer integer bits leave more fractional bits, so this is also the
 * most precise such format. The quantize pass calls this per tensor or per channel.
 */
public final class FixedFormats {
    private FixedFormats() {
    }

    /** The format of width {@code width} for values in [lo, hi]; an all-zero range gets I = 1. */
    public static FixedType forRange(double lo, double hi, int width, boolean signed) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || Double.isInfinite(lo) || Double.isInfinite(hi) || lo > hi) {
            throw new IllegalArgumentException("no fixed-point format for the range [" + lo + ", " + hi + "]");
        }
        if (!signed && lo < 0) {
            throw new IllegalArgumentException("an unsigned format cannot hold " + lo);
        }
        if (lo == 0 && hi == 0) {
            return new FixedType(width, 1, signed);
        }
        double big = Math.max(Math.abs(lo), Math.abs(hi));
        // start a few bits below the magnitude's exponent and grow until both ends fit
        for (int i = Math.getExponent(big) - 1; ; i++) {
            FixedType t = new FixedType(width, i, signed);
            if (fits(lo, t) && fits(hi, t)) {
                return t;
            }
        }
    }

    private static boolean fits(double v, FixedType t) {
        long raw = FixedCast.quantize(v, t, new CastMode(CastMode.DEFAULT.rounding(), Overflow.WRAP));
        return Math.abs(FixedCast.toDouble(raw, t) - v) <= Math.scalb(1.0, -t.fractionBits() - 1);
    }
}
