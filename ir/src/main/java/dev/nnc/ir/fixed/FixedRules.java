package dev.nnc.ir.fixed;

import dev.nnc.ir.type.FixedType;
import java.math.BigInteger;

/**
 * The result types of exact fixed-point arithmetic: a product or a sum in these types never
 * rounds and never overflows. The widths are safe (sometimes one bit wider than the minimum for
 * mixed signedness) and must be at most 64 bits, so exact results always fit a Java long;
 * a wider result is an {@link ArithmeticException} naming the operands.
 */
public final class FixedRules {
    private FixedRules() {
    }

    /** a·b: W = Wa+Wb, I = Ia+Ib, signed if either is (ap_fixed's multiplication rule). */
    public static FixedType product(FixedType a, FixedType b) {
        return make(a.width() + b.width(), a.intBits() + b.intBits(), a.signed() || b.signed(), "product", a, b);
    }

    /**
     * a+b: fractional bits F = max(Fa, Fb); integer bits one more than the wider operand's, where an
     * unsigned operand of a signed result counts one extra bit for its sign.
     */
    public static FixedType sum(FixedType a, FixedType b) {
        boolean signed = a.signed() || b.signed();
        return combine(a, b, signed, "sum");
    }

    /** a−b: always signed, sized as {@link #sum} of signed operands. */
    public static FixedType difference(FixedType a, FixedType b) {
        return combine(a, b, true, "difference");
    }

    private static FixedType combine(FixedType a, FixedType b, boolean signed, String what) {
        int f = Math.max(a.fractionBits(), b.fractionBits());
        int i = Math.max(signedIntBits(a, signed), signedIntBits(b, signed)) + 1;
        return make(i + f, i, signed, what, a, b);
    }

    private static int signedIntBits(FixedType t, boolean resultSigned) {
        return t.intBits() + (resultSigned && !t.signed() ? 1 : 0);
    }

    /**
     * The accumulator for a sum of n terms of type t: ceil(log2 n) more integer (and total) bits,
     * so no partial sum in any order can overflow.
     */
    public static FixedType accumulator(FixedType t, long n) {
        int g = guardBits(n);
        return make(t.width() + g, t.intBits() + g, t.signed(), "accumulator of " + n + " terms", t, t);
    }

    /** The accumulator of a dot product of length n of a·b terms (MatMul, Gemm, Conv). */
    public static FixedType dot(FixedType a, FixedType b, long n) {
        return accumulator(product(a, b), n);
    }

    /** ceil(log2 n), 0 for n ≤ 1. */
    public static int guardBits(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    /** The exact integer a stored raw long stands for (ufixed<64> uses all 64 bits unsigned). */
    public static BigInteger rawValue(long stored, FixedType t) {
        BigInteger v = BigInteger.valueOf(stored);
        return !t.signed() && t.width() == 64 && stored < 0 ? v.add(BigInteger.ONE.shiftLeft(64)) : v;
    }

    /**
     * The raw of a in the fractional scale of {@code frac} (frac ≥ a's): raw·2^(frac−Fa). Exact;
     * used to align operands before an exact sum.
     */
    public static long align(long raw, FixedType a, int frac) {
        return raw << (frac - a.fractionBits());
    }

    private static FixedType make(int w, int i, boolean signed, String what, FixedType a, FixedType b) {
        if (w > 64) {
            throw new ArithmeticException("exact " + what + " of " + a.spelling() + " and " + b.spelling()
                    + " needs " + w + " bits, more than 64; cast the operands narrower first");
        }
        return new FixedType(w, i, signed);
    }
}
