package dev.nnc.ir.type;

/**
 * Fixed point in the {@code ap_fixed} convention: {@code width} bits in all, {@code intBits} of them
 * integer bits including the sign, so the raw W-bit integer q stands for q·2^(intBits−width).
 * Spelled {@code fixed<W,I>} (signed) or {@code ufixed<W,I>}.
 */
public record FixedType(int width, int intBits, boolean signed) implements ElementType {
    public FixedType {
        if (width < 1 || width > 64) {
            throw new IllegalArgumentException("fixed-point width must be 1..64, got " + width);
        }
    }

    /** Number of fractional bits, W − I (may be negative or exceed W). */
    public int fractionBits() {
        return width - intBits;
    }

    @Override
    public String spelling() {
        return (signed ? "fixed<" : "ufixed<") + width + "," + intBits + ">";
    }

    @Override
    public int byteSize() {
        return (width + 7) / 8;
    }

    @Override
    public String toString() {
        return spelling();
    }
}
