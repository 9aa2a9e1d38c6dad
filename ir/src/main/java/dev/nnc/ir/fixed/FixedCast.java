package dev.nnc.ir.fixed;

import dev.nnc.ir.type.FixedType;
import java.math.BigInteger;

/**
 * Conversions into and out of fixed point: fixed→fixed casts, double→fixed quantisation and
 * fixed→double. A cast takes the exact value, rounds it to the target's step 2^(I−W) by the
 * rounding mode, then brings it into range by the overflow mode — rounding first, then overflow,
 * as ap_fixed does.
 */
public final class FixedCast {
    private FixedCast() {
    }

    /** The stored raw of {@code to} for the stored raw {@code raw} of {@code from}. */
    public static long cast(long raw, FixedType from, FixedType to, CastMode mode) {
        int shift = from.fractionBits() - to.fractionBits();
        boolean ufull = !from.signed() && from.width() == 64 && raw < 0;
        if (!ufull && shift >= 1 && shift <= 62) {
            return mode.overflow().apply(mode.rounding().shiftRight(raw, shift), to);
        }
        if (!ufull && shift <= 0 && from.width() - shift <= 63) {
            return mode.overflow().apply(raw << -shift, to);
        }
        return castExact(FixedRules.rawValue(raw, from), shift, to, mode);
    }

    /** The stored raw of {@code to} for the exact integer v scaled by 2^(−shift) relative to to's step. */
    public static long castExact(BigInteger v, int shift, FixedType to, CastMode mode) {
        return mode.overflow().apply(mode.rounding().shiftRight(v, shift), to);
    }

    /**
     * A double quantised to {@code to}: the exact binary value of v, rounded and brought into
     * range. NaN becomes 0; ±∞ become the largest/smallest value whatever the overflow mode.
     */
    public static long quantize(double v, FixedType to, CastMode mode) {
        if (Double.isNaN(v)) {
            return 0;
        }
        if (Double.isInfinite(v)) {
            return (v > 0 ? Overflow.maxRaw(to) : Overflow.minRaw(to)).longValue();
        }
        if (v == 0) {
            return 0;
        }
        long bits = Double.doubleToRawLongBits(v);
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & ((1L << 52) - 1);
        long m = exp == 0 ? mant : mant | (1L << 52);
        int e = exp == 0 ? -1074 : exp - 1075;
        if (v < 0) {
            m = -m;
        }
        // v = m·2^e exactly; in units of to's step that is m·2^(e+F), a right shift by −(e+F).
        int shift = -(e + to.fractionBits());
        if (shift >= 1 && shift <= 62) {
            return mode.overflow().apply(mode.rounding().shiftRight(m, shift), to);
        }
        return castExact(BigInteger.valueOf(m), shift, to, mode);
    }

    /** The real value of a stored raw: raw·2^(I−W), rounded once to the nearest double. */
    public static double toDouble(long raw, FixedType t) {
        double d = !t.signed() && t.width() == 64 && raw < 0 ? FixedRules.rawValue(raw, t).doubleValue() : (double) raw;
        return Math.scalb(d, -t.fractionBits());
    }
}
