package dev.nnc.ir.type;

/**
 * Floating point element types: IEEE binary16/32/64, bfloat16, and ONNX's small formats (float8
 * E4M3FN, E4M3FNUZ, E5M2, E5M2FNUZ, float4 E2M1 and the power-of-two scale type E8M0), spelled as
 * MLIR's builtin types. Values are held as doubles rounded to the type; the small formats are
 * described by a {@link MiniFloat} layout that does their rounding and bit encoding.
 */
public enum FloatType implements ElementType {
    F16("f16", 16, null), BF16("bf16", 16, null), F32("f32", 32, null), F64("f64", 64, null),
    F8E4M3FN("f8E4M3FN", 8, MiniFloat.E4M3FN),
    F8E4M3FNUZ("f8E4M3FNUZ", 8, MiniFloat.E4M3FNUZ),
    F8E5M2("f8E5M2", 8, MiniFloat.E5M2),
    F8E5M2FNUZ("f8E5M2FNUZ", 8, MiniFloat.E5M2FNUZ),
    F4E2M1FN("f4E2M1FN", 4, MiniFloat.E2M1FN),
    F8E8M0FNU("f8E8M0FNU", 8, MiniFloat.E8M0FNU);

    private final String spelling;
    private final int bits;
    private final MiniFloat mini;

    FloatType(String spelling, int bits, MiniFloat mini) {
        this.spelling = spelling;
        this.bits = bits;
        this.mini = mini;
    }

    @Override
    public String spelling() {
        return spelling;
    }

    /** Bytes per element in a resource blob; float4 takes one byte per element, like i4. */
    @Override
    public int byteSize() {
        return Math.max(1, bits / 8);
    }

    /** The width of one encoding in bits (4 for float4). */
    public int bitWidth() {
        return bits;
    }

    /** The layout of a small float format, or null for the IEEE types and bfloat16. */
    public MiniFloat mini() {
        return mini;
    }

    /** The type spelled {@code s} ({@code f32}, {@code f8E4M3FN}, ...), or null. */
    public static FloatType ofSpelling(String s) {
        for (FloatType t : values()) {
            if (t.spelling.equals(s)) {
                return t;
            }
        }
        return null;
    }

    /** The largest finite value. */
    public double maxFinite() {
        return switch (this) {
            case F16 -> 65504.0;
            case BF16 -> BFloat16.toDouble((short) 0x7F7F);
            case F32 -> Float.MAX_VALUE;
            case F64 -> Double.MAX_VALUE;
            default -> mini.maxFinite();
        };
    }

    /** The encoding of {@code v} (already a value of this type) in the low bits of a long. */
    public long toBits(double v) {
        return switch (this) {
            case F16 -> Half.fromDouble(v) & 0xFFFFL;
            case BF16 -> BFloat16.fromDouble(v) & 0xFFFFL;
            case F32 -> Float.floatToRawIntBits((float) v) & 0xFFFFFFFFL;
            case F64 -> Double.doubleToRawLongBits(v);
            default -> mini.encode(v);
        };
    }

    /** The value whose encoding is the low bits of {@code bits}; inverse of {@link #toBits}. */
    public double fromBits(long bits) {
        return switch (this) {
            case F16 -> Half.toDouble((short) bits);
            case BF16 -> BFloat16.toDouble((short) bits);
            case F32 -> Float.intBitsToFloat((int) bits);
            case F64 -> Double.longBitsToDouble(bits);
            default -> mini.decode((int) bits);
        };
    }

    /**
     * Rounds a double to the nearest value of this type (round to nearest even; out of range
     * values overflow as the type's plain conversion does: to infinity, or NaN for the float8
     * formats without infinity).
     */
    public double round(double v) {
        return switch (this) {
            case F64 -> v;
            case F32 -> (float) v;
            case F16 -> Half.toDouble(Half.fromDouble(v));
            case BF16 -> BFloat16.toDouble(BFloat16.fromDouble(v));
            default -> mini.round(v);
        };
    }

    /** Rounds like {@link #round}, but magnitudes beyond the largest finite value (infinity too) become it. */
    public double roundSaturating(double v) {
        if (mini != null) {
            return mini.round(v, true);
        }
        return Double.isNaN(v) ? v : round(Math.max(-maxFinite(), Math.min(maxFinite(), v)));
    }
}
