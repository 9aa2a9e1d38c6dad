package dev.nnc.ir.fixed;

import dev.nnc.ir.type.FixedType;
import java.math.BigInteger;

/**
 * Rescaling by a factor that is not a power of two, as QDQ/TFLite integer kernels do: the exact
 * raw x is multiplied by the integer {@code multiplier} M and shifted right by {@code shift} s
 * with ONE rounding, y = overflow(round(x·M·2^(−s))), by the given {@link CastMode} (default
 * {@link CastMode#DEFAULT}: ties to even, saturate). Unlike TFLite's two-step
 * SaturatingRoundingDoublingHighMul + RoundingDivideByPOT there is no intermediate rounding, so
 * hardware needs one wide product and one rounding shifter. A negative s is an exact left shift.
 * The rule acts on raw integers: the input and output fixed types only give the stored widths.
 */
public record Requantizer(long multiplier, int shift, CastMode mode) {
    /** Multiplier bits {@link #fromScale(double)} uses: M < 2^31, as TFLite's int32 multipliers. */
    public static final int DEFAULT_MULTIPLIER_BITS = 31;

    public Requantizer {
        if (multiplier <= 0) {
            throw new IllegalArgumentException("requantize multiplier must be positive, got " + multiplier);
        }
        if (shift < -62 || shift > 126) {
            throw new IllegalArgumentException("requantize shift must be in -62..126, got " + shift);
        }
    }

    /** {@link #fromScale(double, int, CastMode)} with 31-bit multipliers and the default mode. */
    public static Requantizer fromScale(double scale) {
        return fromScale(scale, DEFAULT_MULTIPLIER_BITS, CastMode.DEFAULT);
    }

    /**
     * The multiplier and shift closest to a real scale: scale = m·2^e with m in [0.5, 1),
     * M = round-half-even(m·2^bits) (if that reaches 2^bits, M = 2^(bits−1) and e grows by one),
     * s = bits − e. So M has exactly {@code bits} significant bits and M·2^(−s) ≈ scale within
     * 2^(−bits−1) relative.
     */
    public static Requantizer fromScale(double scale, int bits, CastMode mode) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("requantize scale must be positive and finite, got " + scale);
        }
        if (bits < 2 || bits > 62) {
            throw new IllegalArgumentException("multiplier bits must be 2..62, got " + bits);
        }
        int e = Math.getExponent(scale) + 1;
        double m = Math.scalb(scale, -e);
        long big = (long) Math.rint(Math.scalb(m, bits));
        if (big == 1L << bits) {
            big >>= 1;
            e++;
        }
        return new Requantizer(big, bits - e, mode);
    }

    /** The real factor M·2^(−s) this requantizer applies. */
    public double scale() {
        return Math.scalb((double) multiplier, -shift);
    }

    /** The stored raw of {@code out} for the stored raw x of {@code in}. */
    public long apply(long x, FixedType in, FixedType out) {
        // Fast path without BigInteger (cycle models call this per output): the product fits a long.
        if (in.signed() || in.width() < 64) {
            long lo = x * multiplier;
            long hi = Math.multiplyHigh(x, multiplier);
            if (hi == (lo >> 63)) {
                if (shift >= 1 && shift <= 62) {
                    return mode.overflow().apply(mode.rounding().shiftRight(lo, shift), out);
                }
                if (shift == 0) {
                    return mode.overflow().apply(lo, out);
                }
                if (shift < 0 && (lo << -shift) >> -shift == lo) {
                    return mode.overflow().apply(lo << -shift, out);
                }
            }
        }
        BigInteger v = FixedRules.rawValue(x, in).multiply(BigInteger.valueOf(multiplier));
        return FixedCast.castExact(v, shift, out, mode);
    }
}
