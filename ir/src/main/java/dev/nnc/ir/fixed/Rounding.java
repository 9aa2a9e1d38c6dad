package dev.nnc.ir.fixed;

import java.math.BigInteger;

/**
 * How a cast drops fractional bits, named as in {@code ap_fixed} (AP_RND, AP_RND_CONV, ...).
 * Every mode is a right shift of the exact raw value by n bits: take the floor quotient q and the
 * remainder r (0 ≤ r < 2^n), compare r with half = 2^(n−1), and either keep q or use q+1.
 * The tie (r = half) and direction rules per mode are in {@link #roundsUp}.
 */
public enum Rounding {
    /** Round to nearest, ties toward +∞ (AP_RND). */
    RND,
    /** Round to nearest, ties to even (AP_RND_CONV, IEEE/numpy rounding). */
    RND_CONV,
    /** Truncate toward −∞: drop the bits (AP_TRN, ap_fixed's own default). */
    TRN,
    /** Truncate toward zero (AP_TRN_ZERO). */
    TRN_ZERO,
    /** Round to nearest, ties toward zero (AP_RND_ZERO). */
    RND_ZERO,
    /** Round to nearest, ties away from zero (AP_RND_INF). */
    RND_INF,
    /** Round to nearest, ties toward −∞ (AP_RND_MIN_INF). */
    RND_MIN_INF;

    /**
     * Whether the floor quotient q moves up to q+1, given the sign of the exact value, how the
     * remainder compares with half an output step (−1, 0, +1), whether the remainder is non-zero
     * and whether q is odd. The only place the modes differ.
     */
    boolean roundsUp(boolean negative, int remainderVsHalf, boolean inexact, boolean quotientOdd) {
        switch (this) {
            case TRN:
                return false;
            case TRN_ZERO:
                return negative && inexact;
            default:
                break;
        }
        if (remainderVsHalf != 0) {
            return remainderVsHalf > 0;
        }
        switch (this) {
            case RND:
                return true;
            case RND_MIN_INF:
                return false;
            case RND_ZERO:
                return negative;
            case RND_INF:
                return !negative;
            case RND_CONV:
                return quotientOdd;
            default:
                throw new AssertionError(this);
        }
    }

    /** v·2^(−n) rounded to an integer by this mode; n ≤ 0 is an exact left shift. */
    public BigInteger shiftRight(BigInteger v, int n) {
        if (n <= 0) {
            return v.shiftLeft(-n);
        }
        BigInteger q = v.shiftRight(n);
        BigInteger r = v.subtract(q.shiftLeft(n));
        int vsHalf = r.compareTo(BigInteger.ONE.shiftLeft(n - 1));
        return roundsUp(v.signum() < 0, vsHalf, r.signum() != 0, q.testBit(0)) ? q.add(BigInteger.ONE) : q;
    }

    /** The long fast path of {@link #shiftRight(BigInteger, int)}, for 1 ≤ n ≤ 62. */
    public long shiftRight(long v, int n) {
        if (n < 1 || n > 62) {
            return shiftRight(BigInteger.valueOf(v), n).longValueExact();
        }
        long q = v >> n;
        long r = v & ((1L << n) - 1);
        int vsHalf = Long.compare(r, 1L << (n - 1));
        return roundsUp(v < 0, vsHalf, r != 0, (q & 1) != 0) ? q + 1 : q;
    }
}
