package dev.nnc.cli.io;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The IDX files of MNIST: {@code idx3-ubyte} images (magic 2051, count, rows, cols, then one
 * unsigned byte per pixel) and {@code idx1-ubyte} labels (magic 2049, count, one byte each).
 */
public final class Idx {
    private Idx() {
    }

    /** Images as unsigned pixel values, {@code [count][rows*cols]}, with the image size. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        /** Image i's pixels as doubles 0..255. */
        public double[] image(int i) {
            int n = rows * cols;
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                out[k] = pixels[i * n + k] & 0xff;
            }
            return out;
        }
    }

    public static Images images(Path file) {
        ByteBuffer b = header(file, 2051, 16);
        int count = b.getInt(4);
        int rows = b.getInt(8);
        int cols = b.getInt(12);
        long need = 16L + (long) count * rows * cols;
        if (count < 0 || rows <= 0 || cols <= 0 || b.capacity() < need) {
            throw new NncException(file + ": truncated IDX image file (" + count + " images of " + rows + "x" + cols
                    + " need " + need + " bytes, the file has " + b.capacity() + ")");
        }
        byte[] px = new byte[count * rows * cols];
        b.get(16, px);
        return new Images(count, rows, cols, px);
    }

    /** Labels 0..255, one per item. */
    public static int[] labels(Path file) {
        ByteBuffer b = header(file, 2049, 8);
        int count = b.getInt(4);
        if (count < 0 || b.capacity() < 8L + count) {
            throw new NncException(file + ": truncated IDX label file (" + count + " labels)");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = b.get(8 + i) & 0xff;
        }
        return out;
    }

    private static ByteBuffer header(Path file, int magic, int size) {
        byte[] bytes = FileAccess.readAll(file);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < size || b.getInt(0) != magic) {
            throw new NncException(file + ": not an IDX " + (magic == 2051 ? "image" : "label") + " file (magic "
                    + magic + " expected" + (bytes.length >= 4 ? ", found " + b.getInt(0) : "") + ")");
        }
        return b;
    }
}
