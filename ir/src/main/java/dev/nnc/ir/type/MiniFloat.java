package dev.nnc.ir.type;

/**
 * The layout of one of ONNX's small float formats (float8 E4M3FN/E4M3FNUZ/E5M2/E5M2FNUZ, float4
 * E2M1, E8M0): how many exponent and mantissa bits, the exponent bias, whether the format has
 * infinities, a negative zero and a sign, and where its NaN lives. Decoding, encoding and
 * round-to-nearest-even are written once here from these parameters, so each format is only a row
 * of numbers (see {@link FloatType}). Values are exchanged as doubles, which hold every one of
 * them exactly.
 *
 * <p>Rounding follows ONNX's reference (ml_dtypes): round to nearest, ties to even. Out of range
 * values become infinity when the format has one, else NaN, else (float4, which has neither) the
 * largest finite value; a NaN input of a format without NaN becomes negative zero (bit pattern
 * 1000, as ml_dtypes produces). The saturating conversion of {@code Cast(saturate=1)} first clamps
 * to the largest finite magnitude.
 */
public record MiniFloat(int exponentBits, int mantissaBits, int bias, boolean hasInf, Nan nan,
        boolean hasNegativeZero, boolean signed) {

    /** Which encodings are NaN. */
    public enum Nan {
        /** No NaN (float4 E2M1). */
        NONE,
        /** IEEE style: exponent all ones and mantissa non-zero (E5M2). */
        IEEE,
        /** Every bit but the sign set (E4M3FN: S.1111.111; E8M0: 0xFF). */
        ALL_ONES,
        /** The pattern of negative zero, 0x80, is the only NaN (the FNUZ formats). */
        NEGATIVE_ZERO
    }

    public static final MiniFloat E4M3FN = new MiniFloat(4, 3, 7, false, Nan.ALL_ONES, true, true);
    public static final MiniFloat E4M3FNUZ = new MiniFloat(4, 3, 8, false, Nan.NEGATIVE_ZERO, false, true);
    public static final MiniFloat E5M2 = new MiniFloat(5, 2, 15, true, Nan.IEEE, true, true);
    public static final MiniFloat E5M2FNUZ = new MiniFloat(5, 2, 16, false, Nan.NEGATIVE_ZERO, false, true);
    public static final MiniFloat E2M1FN = new MiniFloat(2, 1, 1, false, Nan.NONE, true, true);
    public static final MiniFloat E8M0FNU = new MiniFloat(8, 0, 127, false, Nan.ALL_ONES, false, false);

    /** The total width in bits. */
    public int bits() {
        return (signed ? 1 : 0) + exponentBits + mantissaBits;
    }

    private int exponentMask() {
        return (1 << exponentBits) - 1;
    }

    private int mantissaMask() {
        return (1 << mantissaBits) - 1;
    }

    private int signBit() {
        return signed ? 1 << (exponentBits + mantissaBits) : 0;
    }

    /** The largest finite value. */
    public double maxFinite() {
        int topExponent = nan == Nan.IEEE || nan == Nan.ALL_ONES && mantissaBits == 0 ? exponentMask() - 1 : exponentMask();
        int topMantissa = nan == Nan.ALL_ONES && mantissaBits > 0 ? mantissaMask() - 1 : mantissaMask();
        return Math.scalb(1.0 + Math.scalb((double) topMantissa, -mantissaBits), topExponent - bias);
    }

    /** True when the format has subnormals (every format with mantissa bits). */
    private boolean hasSubnormals() {
        return mantissaBits > 0;
    }

    /** The value of the encoding in the low {@link #bits()} bits of {@code code}. */
    public double decode(int code) {
        code &= (1 << bits()) - 1;
        boolean negative = (code & signBit()) != 0;
        int exponent = (code >>> mantissaBits) & exponentMask();
        int mantissa = code & mantissaMask();
        double magnitude;
        if (isNan(code, exponent, mantissa)) {
            return negative ? Math.copySign(Double.NaN, -1.0) : Double.NaN;
        } else if (nan == Nan.IEEE && exponent == exponentMask()) {
            magnitude = Double.POSITIVE_INFINITY;
        } else if (exponent == 0 && hasSubnormals()) {
            magnitude = Math.scalb((double) mantissa, 1 - bias - mantissaBits);
        } else {
            magnitude = Math.scalb(1.0 + Math.scalb((double) mantissa, -mantissaBits), exponent - bias);
        }
        return negative ? -magnitude : magnitude;
    }

    private boolean isNan(int code, int exponent, int mantissa) {
        return switch (nan) {
            case NONE -> false;
            case IEEE -> exponent == exponentMask() && mantissa != 0;
            case ALL_ONES -> exponent == exponentMask() && mantissa == mantissaMask();
            case NEGATIVE_ZERO -> code == signBit();
        };
    }

    /** The encoding of {@code v}, after {@link #round rounding} it to the format. NaN keeps its sign where the format allows. */
    public int encode(double v) {
        double r = round(v);
        boolean negative = signed && Double.doubleToRawLongBits(r) < 0 && !(r == 0 && !hasNegativeZero);
        int sign = negative ? signBit() : 0;
        if (Double.isNaN(r)) {
            return switch (nan) {
                case IEEE -> sign | exponentMask() << mantissaBits | 1 << (mantissaBits - 1);
                case ALL_ONES -> sign | exponentMask() << mantissaBits | mantissaMask();
                default -> signBit();
            };
        }
        double a = Math.abs(r);
        if (Double.isInfinite(a)) {
            return sign | exponentMask() << mantissaBits;
        }
        if (a == 0) {
            return sign;
        }
        if (hasSubnormals() && a < Math.scalb(1.0, 1 - bias)) {
            return sign | (int) Math.scalb(a, bias - 1 + mantissaBits);
        }
        int e = Math.getExponent(a);
        int mantissa = (int) Math.scalb(Math.scalb(a, -e) - 1.0, mantissaBits);
        return sign | (e + bias) << mantissaBits | mantissa;
    }

    /**
     * Rounds {@code v} to the nearest value of the format, ties to even, without saturation (E8M0:
     * {@link #toPowerOfTwo} rounding up and saturating, ONNX Cast's default).
     */
    public double round(double v) {
        return round(v, false);
    }

    /**
     * Rounds {@code v} to the format. With {@code saturate}, magnitudes beyond the largest finite
     * value (infinity included) become that value, as ONNX's saturating casts require.
     */
    public double round(double v, boolean saturate) {
        if (!hasSubnormals()) {
            return toPowerOfTwo(v, PowerRounding.UP, true);
        }
        if (Double.isNaN(v)) {
            return nan == Nan.NONE ? NEGATIVE_NAN_FREE_ZERO : v;
        }
        double max = maxFinite();
        double a = Math.abs(v);
        if (saturate || !hasInf && nan == Nan.NONE) {
            a = Math.min(a, max);
        }
        double r = a;
        if (!Double.isInfinite(a)) {
            int e = Math.max(Math.getExponent(a), 1 - bias);
            double quantum = Math.scalb(1.0, e - mantissaBits);
            r = Math.rint(a / quantum) * quantum;
        }
        if (r > max) {
            r = hasInf ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (r == 0 && !hasNegativeZero) {
            return 0.0;
        }
        return Math.copySign(r, v);
    }

    /** What a NaN becomes in a format without NaN: ml_dtypes gives the pattern of negative zero. */
    private static final double NEGATIVE_NAN_FREE_ZERO = -0.0;

    /** How {@link #toPowerOfTwo} picks between the powers of two around a value (Cast's {@code round_mode}). */
    public enum PowerRounding {
        UP, DOWN, NEAREST;

        /** The mode named by ONNX's {@code round_mode} attribute ("up", "down", "nearest"), or null. */
        public static PowerRounding named(String s) {
            for (PowerRounding r : values()) {
                if (r.name().equalsIgnoreCase(s)) {
                    return r;
                }
            }
            return null;
        }
    }

    /**
     * ONNX's conversion to E8M0 (an unsigned power of two, 2^-127 to 2^127): the value is read as a
     * float32, its sign is ignored and its exponent kept; UP takes the next power when any fraction
     * remains, NEAREST when the fraction is at least one half, DOWN never. Stepping past 2^127
     * gives NaN unless {@code saturate}; NaN and infinity give NaN; magnitudes below 2^-127, zero
     * included, give 2^-127. (ONNX's bit-level reference differs only for float32 subnormals,
     * which it rounds from a biased exponent of 0.)
     */
    public double toPowerOfTwo(double v, PowerRounding mode, boolean saturate) {
        double a = Math.abs((double) (float) v);
        if (Double.isNaN(a) || Double.isInfinite(a)) {
            return Double.NaN;
        }
        int lowest = -bias;
        if (a < Math.scalb(1.0, lowest)) {
            return Math.scalb(1.0, lowest);
        }
        int e = Math.getExponent(a);
        double fraction = Math.scalb(a, -e) - 1.0;
        boolean up = switch (mode) {
            case UP -> fraction > 0;
            case DOWN -> false;
            case NEAREST -> fraction >= 0.5;
        };
        int highest = exponentMask() - 1 - bias;
        if (up) {
            if (e == highest) {
                return saturate ? Math.scalb(1.0, e) : Double.NaN;
            }
            e++;
        }
        return Math.scalb(1.0, e);
    }
}
