package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.Unsigned;

/**
 * Converts a 64-bit integer to a float type with ONE rounding (to nearest, ties to even), as C and
 * numpy do. Going through {@code double} first would round twice for magnitudes above 2^53 (and
 * for u64 values above 2^63), which can differ in the last place.
 */
final class IntegerToFloat {
    private IntegerToFloat() {
    }

    /** {@code v} read as signed, or as unsigned when {@code unsigned}, rounded once to {@code type}. */
    static double convert(long v, boolean unsigned, FloatType type) {
        boolean negative = !unsigned && v < 0;
        long magnitude = negative ? -v : v; // Long.MIN_VALUE stays 2^63, read unsigned below
        int bits = 64 - Long.numberOfLeadingZeros(magnitude);
        int shift = bits - precision(type);
        double rounded;
        if (shift <= 0) {
            rounded = Unsigned.toDouble(magnitude); // exact: fits in the type's significand
        } else {
            long q = magnitude >>> shift;
            long rem = magnitude & ((1L << shift) - 1);
            long half = 1L << (shift - 1);
            if (Long.compareUnsigned(rem, half) > 0 || (rem == half && (q & 1) == 1)) {
                q++;
            }
            rounded = Math.scalb((double) q, shift); // q has at most precision+1 bits: exact
        }
        return type.round(negative ? -rounded : rounded); // exact now, except overflow to infinity
    }

    /** Significand bits including the implicit one. */
    private static int precision(FloatType type) {
        return switch (type) {
            case F64 -> 53;
            case F32 -> 24;
            case F16 -> 11;
            case BF16 -> 8;
            default -> type.mini().mantissaBits() + 1;
        };
    }
}
