package dev.nnc.ir.type;

/**
 * Signed ({@code i8..i64}) or unsigned ({@code u8..u64}) two's complement integer. Values are held
 * in a {@code long}; u64 uses all 64 bits (read with the unsigned helpers of {@link Long}).
 */
public record IntegerType(int width, boolean signed) implements ElementType {
    public static final IntegerType I8 = new IntegerType(8, true);
    public static final IntegerType I16 = new IntegerType(16, true);
    public static final IntegerType I32 = new IntegerType(32, true);
    public static final IntegerType I64 = new IntegerType(64, true);
    public static final IntegerType U8 = new IntegerType(8, false);
    public static final IntegerType U16 = new IntegerType(16, false);
    public static final IntegerType U32 = new IntegerType(32, false);
    public static final IntegerType U64 = new IntegerType(64, false);

    public IntegerType {
        if (width != 2 && width != 4 && width != 8 && width != 16 && width != 32 && width != 64) {
            throw new IllegalArgumentException("unsupported integer width " + width);
        }
    }

    @Override
    public String spelling() {
        return (signed ? "i" : "u") + width;
    }

    @Override
    public int byteSize() {
        return Math.max(1, width / 8);
    }

    /** Wraps a long to this width, two's complement, as a C cast does. */
    public long wrap(long v) {
        if (width == 64) {
            return v;
        }
        long mask = (1L << width) - 1;
        long u = v & mask;
        if (signed && (u & (1L << (width - 1))) != 0) {
            return u - (1L << width);
        }
        return u;
    }

    /** Smallest representable value. */
    public long minLong() {
        if (!signed) {
            return 0;
        }
        return width == 64 ? Long.MIN_VALUE : -(1L << (width - 1));
    }

    /** Largest representable value; for u64 all 64 bits set (-1 as a signed long). */
    public long maxLong() {
        if (width == 64) {
            return signed ? Long.MAX_VALUE : -1L;
        }
        return signed ? (1L << (width - 1)) - 1 : (1L << width) - 1;
    }

    /** Smallest representable value, as a double (exact for every width). */
    public double minValue() {
        return minLong();
    }

    /** Largest representable value, as a double (u64/i64 rounded up to a power of two). */
    public double maxValue() {
        return signed ? maxLong() : Unsigned.toDouble(maxLong());
    }

    @Override
    public String toString() {
        return spelling();
    }
}
