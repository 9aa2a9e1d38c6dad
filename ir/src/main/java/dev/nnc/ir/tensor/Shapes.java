package dev.nnc.ir.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by the interpreter, type inference and the importer. */
public final class Shapes {
    private Shapes() {
    }

    /** System property capping the element count of a tensor an op creates at run time. */
    public static final String MAX_ELEMENTS_PROPERTY = "nnc.maxTensorElements";

    /** The default cap: the largest array a JVM reliably allocates. */
    public static final long DEFAULT_MAX_ELEMENTS = (1L << 31) - 16;

    /** The element cap in force ({@value #MAX_ELEMENTS_PROPERTY}, else {@link #DEFAULT_MAX_ELEMENTS}). */
    public static long maxElements() {
        long v = Long.getLong(MAX_ELEMENTS_PROPERTY, DEFAULT_MAX_ELEMENTS);
        return v <= 0 ? DEFAULT_MAX_ELEMENTS : Math.min(v, DEFAULT_MAX_ELEMENTS);
    }

    /**
     * Why a result of this shape may not be created (its element count exceeds {@link #maxElements()}),
     * or null when it may. Kernels whose output size comes from input data check this before
     * allocating, so a model asking for a huge tensor gets one line instead of OutOfMemoryError.
     */
    public static String sizeProblem(int[] shape) {
        long limit = maxElements();
        for (int d : shape) {
            if (d < 0) {
                return "result shape " + java.util.Arrays.toString(shape) + " has a negative dimension";
            }
        }
        long n;
        try {
            n = size(shape);
        } catch (ArithmeticException e) {
            return "result shape " + java.util.Arrays.toString(shape) + " has more than 2^63 elements, more than the limit "
                    + limit + " (" + MAX_ELEMENTS_PROPERTY + ")";
        }
        return n > limit ? "result shape " + java.util.Arrays.toString(shape) + " has " + n + " elements, more than the limit "
                + limit + " (" + MAX_ELEMENTS_PROPERTY + ")" : null;
    }

    /** The element count of {@code shape}; an NncException "{@code what}: ..." when it is over the limit. */
    public static long checkedSize(int[] shape, String what) {
        String problem = sizeProblem(shape);
        if (problem != null) {
            throw new dev.nnc.ir.diag.NncException(what + ": " + problem);
        }
        return size(shape);
    }

    /** Element count; throws on overflow of a long. */
    public static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Row-major strides in elements. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Numpy-style multidirectional broadcast of two shapes, or null if they do not broadcast. */
    public static int[] broadcast(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * For each flat index of {@code outShape}, the flat index into a tensor of shape {@code inShape}
     * broadcast to it.
     */
    public static int[] broadcastIndex(int[] inShape, int[] outShape) {
        if (Arrays.equals(inShape, outShape)) {
            int[] idx = new int[Math.toIntExact(size(outShape))];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            return idx;
        }
        int r = outShape.length;
        int off = r - inShape.length;
        int[] inStrides = strides(inShape);
        int[] bStrides = new int[r];
        for (int i = 0; i < inShape.length; i++) {
            bStrides[i + off] = inShape[i] == 1 ? 0 : inStrides[i];
        }
        return strided(outShape, bStrides, 0);
    }

    /**
     * Flat source indices for a strided view: output element at multi-index {@code m} reads
     * {@code offset + sum(m[d] * srcStrides[d])}. Covers transpose (permuted strides), slice
     * (start offset, step-scaled strides) and broadcast (stride 0).
     */
    public static int[] strided(int[] outShape, int[] srcStrides, int offset) {
        int n = Math.toIntExact(size(outShape));
        int[] idx = new int[n];
        int r = outShape.length;
        int[] counter = new int[r];
        int pos = offset;
        for (int i = 0; i < n; i++) {
            idx[i] = pos;
            for (int d = r - 1; d >= 0; d--) {
                counter[d]++;
                pos += srcStrides[d];
                if (counter[d] < outShape[d]) {
                    break;
                }
                pos -= srcStrides[d] * counter[d];
                counter[d] = 0;
            }
        }
        return idx;
    }

    /** Normalizes a possibly negative axis against a rank, or throws naming the axis. */
    public static int axis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.max(rank, 1)) {
            throw new IllegalArgumentException("axis " + axis + " out of range for rank " + rank);
        }
        return (int) a;
    }
}
