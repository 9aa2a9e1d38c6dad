package dev.nnc.ir.text;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;

/**
 * The byte layout of constants in the resource section: elements in row-major order, little
 * endian, {@link ElementType#byteSize()} bytes each (f16/bf16 as their 16-bit encodings, float8
 * as their codes, i2/i4 and f4E2M1FN unpacked at one byte each, bool one byte, fixed-point as its
 * raw integer), written as {@code 0x} + hex.
 * Strings have no byte form and are always printed inline.
 */
public final class DenseCodec {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DenseCodec() {
    }

    /** True when the tensor can live in the resource section (everything but strings). */
    public static boolean hasBytes(Tensor t) {
        return !t.isStrings();
    }

    /** The {@code 0x...} hex text of the tensor's bytes. */
    public static String toHex(Tensor t) {
        ElementType type = t.elementType();
        int width = type.byteSize();
        StringBuilder sb = new StringBuilder(2 + 2 * width * t.size());
        sb.append("0x");
        for (int i = 0; i < t.size(); i++) {
            long bits = t.isDoubles() ? ((FloatType) type).toBits(t.doubles()[i]) : t.longs()[i];
            for (int b = 0; b < width; b++) {
                int octet = (int) (bits >>> (8 * b)) & 0xFF;
                sb.append(HEX[octet >> 4]).append(HEX[octet & 15]);
            }
        }
        return sb.toString();
    }

    /**
     * Reads hex text back into a tensor of the given static type.
     *
     * @throws IllegalArgumentException with a short reason when the text does not fit the type
     */
    public static Tensor fromHex(String hex, ElementType type, int[] shape) {
        if (!hex.startsWith("0x")) {
            throw new IllegalArgumentException("resource data must start with 0x");
        }
        if (type.byteSize() == 0) {
            throw new IllegalArgumentException("element type " + type.spelling() + " cannot be stored in a resource");
        }
        int width = type.byteSize();
        long count = dev.nnc.ir.tensor.Shapes.size(shape);
        long expectedChars = 2 + 2L * width * count;
        if (hex.length() != expectedChars) {
            throw new IllegalArgumentException("resource has " + (hex.length() - 2) / 2 + " bytes but "
                    + type.spelling() + " x " + count + " needs " + width * count);
        }
        int n = (int) count;
        long[] raw = new long[n];
        RawBits layout = RawBits.of(type);
        int pos = 2;
        for (int i = 0; i < n; i++) {
            long bits = 0;
            for (int b = 0; b < width; b++, pos += 2) {
                bits |= (long) hexByte(hex, pos) << (8 * b);
            }
            // a bool byte is true when non-zero; Tensor.ofLongs makes it 1
            raw[i] = layout == null || type == BoolType.I1 ? bits : layout.extend(bits);
        }
        if (type instanceof FloatType ft) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = ft.fromBits(raw[i]);
            }
            return Tensor.ofDoubles(ft, shape, d);
        }
        return Tensor.ofLongs(type, shape, raw);
    }

    private static int hexByte(String s, int pos) {
        int hi = Character.digit(s.charAt(pos), 16);
        int lo = Character.digit(s.charAt(pos + 1), 16);
        if (hi < 0 || lo < 0) {
            throw new IllegalArgumentException("bad hex digit at offset " + pos + " of resource data");
        }
        return hi << 4 | lo;
    }
}
