package dev.nnc.ir.tensor;

import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one byte codec for tensor elements, shared by the IR text's resource blobs, ONNX
 * {@code raw_data} and numpy's {@code .npy}: elements in row-major order, each as its bit
 * encoding (floats via {@link FloatType#toBits}, integers and fixed-point as their raw two's
 * complement integer, bool as 0/1) in the byte order of the buffer.
 * Strings have no byte form.
 */
public final class TensorBytes {
    /** How elements narrower than a byte (i2/u2, i4/u4, f4E2M1FN) are laid out. */
    public enum Layout {
        /** Every element takes {@link ElementType#byteSize()} whole bytes (IR resources, .npy). */
        ALIGNED,
        /** Sub-byte elements share bytes, packed from the least significant bits up (ONNX raw_data). */
        PACKED
    }

    private TensorBytes() {
    }

    /** Bits one element occupies in {@code layout}. */
    public static int bitsPerElement(ElementType type, Layout layout) {
        if (layout == Layout.PACKED) {
            if (type instanceof IntegerType it && it.width() < 8) {
                return it.width();
            }
            if (type instanceof FloatType ft && ft.bitWidth() < 8) {
                return ft.bitWidth();
            }
        }
        return type.byteSize() * 8;
    }

    /** Bytes that {@code count} elements occupy, rounded up; Long.MAX_VALUE on overflow. */
    public static long byteCount(ElementType type, long count, Layout layout) {
        try {
            return Math.addExact(Math.multiplyExact(count, bitsPerElement(type, layout)), 7) / 8;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The tensor's bytes in {@code order}; the tensor must not hold strings. */
    public static byte[] encode(Tensor t, ByteOrder order, Layout layout) {
        long bytes = byteCount(t.elementType(), t.size(), layout);
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(bytes)).order(order);
        encode(t, out, layout);
        return out.array();
    }

    /** Writes the tensor's bytes at {@code out}'s position in its byte order, advancing it. */
    public static void encode(Tensor t, ByteBuffer out, Layout layout) {
        ElementType type = t.elementType();
        int bits = bitsPerElement(type, layout);
        int start = out.position();
        int n = t.size();
        for (int i = 0; i < n; i++) {
            long v = t.isDoubles() ? ((FloatType) type).toBits(t.doubles()[i]) : t.longs()[i];
            if (bits < 8) {
                int bit = i * bits;
                int at = start + bit / 8;
                out.put(at, (byte) (out.get(at) | (v & ((1 << bits) - 1)) << (bit % 8)));
            } else {
                put(out, v, bits / 8);
            }
        }
        if (bits < 8) {
            out.position(start + (int) byteCount(type, n, layout));
        }
    }

    /**
     * Reads {@code n} elements of {@code type} from {@code in}'s position in its byte order,
     * advancing it, as a tensor of {@code shape}. A bool is true when its byte is non-zero.
     */
    public static Tensor decode(ElementType type, int[] shape, int n, ByteBuffer in, Layout layout) {
        int bits = bitsPerElement(type, layout);
        int start = in.position();
        long[] raw = new long[n];
        for (int i = 0; i < n; i++) {
            if (bits < 8) {
                long bit = (long) i * bits;
                int b = in.get(start + (int) (bit / 8)) & 0xFF;
                raw[i] = (b >>> (bit % 8)) & ((1 << bits) - 1);
            } else {
                raw[i] = get(in, bits / 8);
            }
        }
        if (bits < 8) {
            in.position(start + (int) byteCount(type, n, layout));
        }
        if (type instanceof FloatType ft) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = ft.fromBits(raw[i]);
            }
            return Tensor.ofDoubles(ft, shape, d);
        }
        if (type instanceof FixedType fx) {
            for (int i = 0; i < n; i++) {
                raw[i] = signExtend(raw[i], fx.width(), fx.signed());
            }
        }
        // Tensor.ofLongs wraps integers to their width and makes a non-zero bool 1
        return Tensor.ofLongs(type, shape, raw);
    }

    /** Sign- or zero-extends the low {@code width} bits of {@code bits}. */
    public static long signExtend(long bits, int width, boolean signed) {
        if (width >= 64) {
            return bits;
        }
        long u = bits & ((1L << width) - 1);
        return signed && (u & (1L << (width - 1))) != 0 ? u - (1L << width) : u;
    }

    private static void put(ByteBuffer out, long v, int width) {
        switch (width) {
            case 1 -> out.put((byte) v);
            case 2 -> out.putShort((short) v);
            case 4 -> out.putInt((int) v);
            case 8 -> out.putLong(v);
            default -> {
                boolean little = out.order() == ByteOrder.LITTLE_ENDIAN;
                for (int b = 0; b < width; b++) {
                    out.put((byte) (v >>> (8 * (little ? b : width - 1 - b))));
                }
            }
        }
    }

    private static long get(ByteBuffer in, int width) {
        switch (width) {
            case 1:
                return in.get() & 0xFFL;
            case 2:
                return in.getShort() & 0xFFFFL;
            case 4:
                return in.getInt() & 0xFFFFFFFFL;
            case 8:
                return in.getLong();
            default:
                boolean little = in.order() == ByteOrder.LITTLE_ENDIAN;
                long v = 0;
                for (int b = 0; b < width; b++) {
                    v |= (in.get() & 0xFFL) << (8 * (little ? b : width - 1 - b));
                }
                return v;
        }
    }
}
