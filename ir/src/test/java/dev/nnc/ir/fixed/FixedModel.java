package dev.nnc.ir.fixed;

import dev.nnc.ir.type.FixedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An independent coding of docs/fixed-point.md in exact decimal arithmetic, for the property
 * tests: values are BigDecimals, rounding uses {@link RoundingMode} on the value divided by the
 * target step, overflow compares with the range and wraps by a modulo. It shares no code with
 * the implementation (which shifts bits).
 */
final class FixedModel {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private FixedModel() {
    }

    static BigDecimal pow2(int e) {
        return e >= 0 ? TWO.pow(e) : BigDecimal.ONE.divide(TWO.pow(-e));
    }

    /** The real value of a stored raw. */
    static BigDecimal value(long stored, FixedType t) {
        BigInteger raw = BigInteger.valueOf(stored);
        if (!t.signed() && stored < 0) {
            raw = raw.add(TWO.toBigInteger().pow(64));
        }
        return new BigDecimal(raw).multiply(pow2(t.intBits() - t.width()));
    }

    static BigInteger round(BigDecimal y, Rounding r) {
        BigDecimal floor = y.setScale(0, RoundingMode.FLOOR);
        boolean tie = y.subtract(floor).compareTo(new BigDecimal("0.5")) == 0;
        switch (r) {
            case TRN:
                return floor.toBigIntegerExact();
            case TRN_ZERO:
                return y.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            case RND_CONV:
                return y.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            case RND_INF:
                return y.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
            case RND_ZERO:
                return y.setScale(0, RoundingMode.HALF_DOWN).toBigIntegerExact();
            case RND:
                return y.setScale(0, tie ? RoundingMode.CEILING : RoundingMode.HALF_EVEN).toBigIntegerExact();
            case RND_MIN_INF:
                return y.setScale(0, tie ? RoundingMode.FLOOR : RoundingMode.HALF_EVEN).toBigIntegerExact();
            default:
                throw new AssertionError(r);
        }
    }

    /** The integer v in t's range by the overflow mode, as the stored long. */
    static long overflow(BigInteger v, FixedType t, Overflow o) {
        BigInteger span = BigInteger.TWO.pow(t.width());
        BigInteger lo = t.signed() ? span.divide(BigInteger.TWO).negate() : BigInteger.ZERO;
        BigInteger hi = lo.add(span).subtract(BigInteger.ONE);
        if (o == Overflow.SAT_SYM && t.signed()) {
            lo = hi.negate();
        }
        BigInteger r;
        if (v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0) {
            r = v;
        } else if (o == Overflow.WRAP) {
            BigInteger base = t.signed() ? span.divide(BigInteger.TWO).negate() : BigInteger.ZERO;
            r = v.subtract(base).mod(span).add(base);
        } else if (o == Overflow.SAT_ZERO) {
            r = BigInteger.ZERO;
        } else {
            r = v.signum() < 0 ? lo : hi;
        }
        return r.longValue();
    }

    /** A real value cast to t: divided by t's step, rounded, brought into range. */
    static long cast(BigDecimal x, FixedType t, CastMode m) {
        BigDecimal y = x.multiply(pow2(t.width() - t.intBits()));
        return overflow(round(y, m.rounding()), t, m.overflow());
    }
}
