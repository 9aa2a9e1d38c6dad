package dev.nnc.ir.type;

/**
 * Helpers for {@code u64}, the one element type whose values use all 64 bits of their
 * {@code long} storage and so must be read with the unsigned helpers of {@link Long}.
 */
public final class Unsigned {
    private Unsigned() {
    }

    /** True for {@code u64}. */
    public static boolean isU64(ElementType t) {
        return t instanceof IntegerType it && !it.signed() && it.width() == 64;
    }

    /** The value of {@code v} read as an unsigned 64-bit integer, rounded to the nearest double. */
    public static double toDouble(long v) {
        return v >= 0 ? (double) v : ((v >>> 1) | (v & 1)) * 2.0;
    }
}
