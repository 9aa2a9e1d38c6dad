package dev.nnc.ir.type;

/** bfloat16 conversions: the top 16 bits of a float32, rounded to nearest even. */
public final class BFloat16 {
    private BFloat16() {
    }

    public static double toDouble(short b) {
        return Float.intBitsToFloat((b & 0xFFFF) << 16);
    }

    public static short fromDouble(double v) {
        float f = (float) v;
        if (Float.isNaN(f)) {
            return (short) 0x7FC0;
        }
        int bits = Float.floatToRawIntBits(f);
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }
}
