package dev.nnc.ir.fixed;

import dev.nnc.ir.type.FixedType;
import java.math.BigInteger;

/**
 * What a cast does with a rounded raw value outside the target's range, named as in
 * {@code ap_fixed}. The range of {@code fixed<W,I>} raw values is [−2^(W−1), 2^(W−1)−1], of
 * {@code ufixed<W,I>} [0, 2^W−1].
 */
public enum Overflow {
    /** Clamp to the nearest end of the range (AP_SAT). */
    SAT,
    /** Out of range becomes zero (AP_SAT_ZERO). */
    SAT_ZERO,
    /** Clamp to the symmetric range [−(2^(W−1)−1), 2^(W−1)−1]: the most negative code never appears (AP_SAT_SYM); unsigned as SAT. */
    SAT_SYM,
    /** Keep the low W bits, two's complement (AP_WRAP, ap_fixed's own default). */
    WRAP;

    /** The smallest raw value of a type. */
    public static BigInteger minRaw(FixedType t) {
        return t.signed() ? BigInteger.ONE.shiftLeft(t.width() - 1).negate() : BigInteger.ZERO;
    }

    /** The largest raw value of a type. */
    public static BigInteger maxRaw(FixedType t) {
        return BigInteger.ONE.shiftLeft(t.signed() ? t.width() - 1 : t.width()).subtract(BigInteger.ONE);
    }

    /** The exact integer v brought into t's range, returned as t's stored raw long (ufixed<64> uses all 64 bits). */
    public long apply(BigInteger v, FixedType t) {
        BigInteger min = minRaw(t);
        BigInteger max = maxRaw(t);
        if (this == SAT_SYM && t.signed()) {
            min = max.negate();
        }
        if (v.compareTo(min) >= 0 && v.compareTo(max) <= 0) {
            return v.longValue();
        }
        switch (this) {
            case SAT:
            case SAT_SYM:
                return (v.signum() < 0 ? min : max).longValue();
            case SAT_ZERO:
                return 0;
            case WRAP:
                return wrap(v.longValue(), t);
            default:
                throw new AssertionError(this);
        }
    }

    /** The fast path of {@link #apply(BigInteger, FixedType)} for an exact value that fits a long. */
    public long apply(long v, FixedType t) {
        int w = t.width();
        if (w == 64) {
            return apply(BigInteger.valueOf(v), t);
        }
        long min = t.signed() ? -(1L << (w - 1)) : 0;
        long max = t.signed() ? (1L << (w - 1)) - 1 : (1L << w) - 1;
        if (this == SAT_SYM && t.signed()) {
            min = -max;
        }
        if (v >= min && v <= max) {
            return v;
        }
        switch (this) {
            case SAT:
            case SAT_SYM:
                return v < 0 ? min : max;
            case SAT_ZERO:
                return 0;
            case WRAP:
                return wrap(v, t);
            default:
                throw new AssertionError(this);
        }
    }

    /** The low W bits of v, sign-extended for signed types: the stored form of a raw value. */
    public static long wrap(long v, FixedType t) {
        int w = t.width();
        if (w == 64) {
            return v;
        }
        long low = v & ((1L << w) - 1);
        return t.signed() && (low >>> (w - 1)) != 0 ? low - (1L << w) : low;
    }
}
