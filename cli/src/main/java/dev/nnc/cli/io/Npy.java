package dev.nnc.cli.io;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes numpy's {@code .npy} format (versions 1 to 3, C order) as {@link Tensor}s.
 * Written by hand because no maintained Java library covers it; the format is documented in
 * {@code numpy/lib/format.py}. Every problem with a file becomes one {@link NncException} line
 * that names the file.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy pads the header so the data starts on a multiple of this. */
    private static final int ALIGN = 64;
    /** numpy's GROWTH_AXIS_MAX_DIGITS: header space reserved for a longer first dimension. */
    private static final int GROWTH_DIGITS = 21;

    private Npy() {
    }

    /** Reads a {@code .npy} file. */
    public static Tensor read(Path file) {
        return read(FileAccess.readAll(file), file.toString());
    }

    /** Decodes {@code .npy} bytes; {@code source} names the file (or zip entry) in errors. */
    public static Tensor read(byte[] bytes, String source) {
        try {
            return decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new NncException(source + ": not a valid .npy file: " + e.getMessage());
        }
    }

    private static Tensor decode(byte[] b) {
        if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("missing the \\x93NUMPY magic");
        }
        int major = b[6];
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = in.getShort(8) & 0xFFFF;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw new IllegalArgumentException("file ends inside the header");
            }
            headerLen = in.getInt(8);
            headerStart = 12;
        } else {
            throw new IllegalArgumentException("unsupported format version " + major + "." + b[7]);
        }
        if (headerLen < 0 || headerStart + (long) headerLen > b.length) {
            throw new IllegalArgumentException("file ends inside the header");
        }
        String text = new String(b, headerStart, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(text);
        if (header.fortranOrder()) {
            throw new IllegalArgumentException("Fortran-order arrays are not supported (save with C order)");
        }
        NpyDtype dtype = NpyDtype.parse(header.descr());
        int dataStart = headerStart + headerLen;
        long count = elementCount(header.shape());
        long expected = count * dtype.itemSize();
        long actual = b.length - dataStart;
        if (actual != expected) {
            throw new IllegalArgumentException("shape " + shapeText(header.shape()) + " of " + header.descr()
                    + " needs " + expected + " data bytes, the file has " + actual);
        }
        ByteBuffer data = ByteBuffer.wrap(b, dataStart, b.length - dataStart).slice().order(dtype.order());
        return TensorBytes.decode(dtype.type(), header.shape(), (int) count, data, TensorBytes.Layout.ALIGNED);
    }

    private static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + shapeText(shape) + " is too large");
            }
        }
        return n;
    }

    /** Encodes a tensor as {@code .npy} exactly as {@code np.save} does: version 1.0, little endian. */
    public static byte[] write(Tensor t) {
        NpyDtype dtype;
        try {
            dtype = NpyDtype.of(t.elementType());
        } catch (IllegalArgumentException e) {
            throw new NncException("cannot save a " + t.elementType().spelling() + " tensor as .npy: " + e.getMessage());
        }
        int[] shape = t.shape();
        String dict = new NpyHeader(dtype.descr(), false, shape).format();
        if (shape.length > 0) {
            // numpy leaves room to grow the first dimension in place; copying that keeps our bytes equal to np.save's
            dict += " ".repeat(Math.max(0, GROWTH_DIGITS - Integer.toString(shape[0]).length()));
        }
        byte[] header = headerBytes(dict);
        ByteBuffer out = ByteBuffer.allocate(header.length + t.size() * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        TensorBytes.encode(t, out, TensorBytes.Layout.ALIGNED);
        return out.array();
    }

    /** Writes a tensor to a {@code .npy} file atomically. */
    public static void write(Path file, Tensor t) {
        FileAccess.writeAtomically(file, write(t));
    }

    private static byte[] headerBytes(String dict) {
        int prefix = MAGIC.length + 2 + 2;
        boolean v2 = dict.length() + 1 + prefix > 0xFFFF;
        if (v2) {
            prefix += 2;
        }
        int total = prefix + dict.length() + 1;
        int padded = (total + ALIGN - 1) / ALIGN * ALIGN;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (v2 ? 2 : 1)).put((byte) 0);
        if (v2) {
            b.putInt(text.length());
        } else {
            b.putShort((short) text.length());
        }
        b.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    private static String shapeText(int[] shape) {
        return Arrays.toString(shape);
    }
}
