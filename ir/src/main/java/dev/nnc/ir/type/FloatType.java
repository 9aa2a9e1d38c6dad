package dev.nnc.ir.type;

/** IEEE binary floating point types (and bfloat16). Values are held as doubles rounded to the type. */
public enum FloatType implements ElementType {
    F16("f16", 2), BF16("bf16", 2), F32("f32", 4), F64("f64", 8);

    private final String spelling;
    private final int bytes;

    FloatType(String spelling, int bytes) {
        this.spelling = spelling;
        this.bytes = bytes;
    }

    @Override
    public String spelling() {
        return spelling;
    }

    @Override
    public int byteSize() {
        return bytes;
    }

    /** The IEEE encoding of {@code v} (already a value of this type) in the low bits of a long. */
    public long toBits(double v) {
        return switch (this) {
            case F16 -> Half.fromDouble(v) & 0xFFFFL;
            case BF16 -> BFloat16.fromDouble(v) & 0xFFFFL;
            case F32 -> Float.floatToRawIntBits((float) v) & 0xFFFFFFFFL;
            case F64 -> Double.doubleToRawLongBits(v);
        };
    }

    /** The value whose encoding is the low bits of {@code bits}; inverse of {@link #toBits}. */
    public double fromBits(long bits) {
        return switch (this) {
            case F16 -> Half.toDouble((short) bits);
            case BF16 -> BFloat16.toDouble((short) bits);
            case F32 -> Float.intBitsToFloat((int) bits);
            case F64 -> Double.longBitsToDouble(bits);
        };
    }

    /** Rounds a double to the nearest value of this type (round to nearest even). */
    public double round(double v) {
        return switch (this) {
            case F64 -> v;
            case F32 -> (float) v;
            case F16 -> Half.toDouble(Half.fromDouble(v));
            case BF16 -> BFloat16.toDouble(BFloat16.fromDouble(v));
        };
    }
}
