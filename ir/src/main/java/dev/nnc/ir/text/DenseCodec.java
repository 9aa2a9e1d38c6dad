package dev.nnc.ir.text;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorBytes;
import dev.nnc.ir.type.ElementType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The byte layout of constants in the resource section ({@link TensorBytes}, aligned layout):
 * elements in row-major order, little endian, {@link ElementType#byteSize()} bytes each (f16/bf16 as their 16-bit encodings, float8
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
        byte[] bytes = TensorBytes.encode(t, ByteOrder.LITTLE_ENDIAN, TensorBytes.Layout.ALIGNED);
        StringBuilder sb = new StringBuilder(2 + 2 * bytes.length);
        sb.append("0x");
        for (byte octet : bytes) {
            sb.append(HEX[(octet >> 4) & 15]).append(HEX[octet & 15]);
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
        byte[] bytes = new byte[(hex.length() - 2) / 2];
        for (int i = 0, pos = 2; i < bytes.length; i++, pos += 2) {
            bytes[i] = (byte) hexByte(hex, pos);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return TensorBytes.decode(type, shape, (int) count, in, TensorBytes.Layout.ALIGNED);
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
