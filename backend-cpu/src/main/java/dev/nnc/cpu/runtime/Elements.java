package dev.nnc.cpu.runtime;

/**
 * Typed arrays of the generated class ({@code float[] double[] long[] int[] boolean[]}) read as
 * {@code double[]} or {@code long[]} and written back, for the kernels of rarely hot ops (losses,
 * running folds, scatters) that compute once in double or long as the interpreter does, rather
 * than once per element type.
 */
public final class Elements {
    private Elements() {
    }

    /** The values of a float or integer array as doubles (a copy, except a double[] itself). */
    public static double[] doubles(Object a) {
        if (a instanceof double[] d) {
            return d;
        }
        if (a instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        long[] l = longs(a);
        double[] d = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            d[i] = l[i];
        }
        return d;
    }

    /** The values of an integer or bool array as longs (a copy, except a long[] itself). */
    public static long[] longs(Object a) {
        if (a instanceof long[] l) {
            return l;
        }
        if (a instanceof int[] n) {
            long[] l = new long[n.length];
            for (int i = 0; i < n.length; i++) {
                l[i] = n[i];
            }
            return l;
        }
        if (a instanceof boolean[] b) {
            long[] l = new long[b.length];
            for (int i = 0; i < b.length; i++) {
                l[i] = b[i] ? 1 : 0;
            }
            return l;
        }
        throw new ModelInputError("not an integer array: " + a.getClass().getSimpleName());
    }

    /** True for the arrays of float element types. */
    public static boolean isFloat(Object a) {
        return a instanceof float[] || a instanceof double[];
    }

    /** Element {@code i} of an integer array. */
    public static long longAt(Object a, int i) {
        if (a instanceof long[] l) {
            return l[i];
        }
        if (a instanceof int[] n) {
            return n[i];
        }
        return ((boolean[]) a)[i] ? 1 : 0;
    }

    /** Element {@code i} of a float array. */
    public static double doubleAt(Object a, int i) {
        return a instanceof double[] d ? d[i] : ((float[]) a)[i];
    }

    /** Writes {@code v[from, from + n)} into {@code dst} at {@code at}, rounding to its element type. */
    public static void store(double[] v, int from, Object dst, int at, int n) {
        if (dst instanceof double[] d) {
            System.arraycopy(v, from, d, at, n);
        } else {
            float[] f = (float[]) dst;
            for (int i = 0; i < n; i++) {
                f[at + i] = (float) v[from + i];
            }
        }
    }

    /** Writes all of {@code v} into the float array {@code dst}. */
    public static void store(double[] v, Object dst) {
        store(v, 0, dst, 0, v.length);
    }

    /** Writes all of {@code v} into the integer array {@code dst}, wrapping to its width. */
    public static void store(long[] v, Object dst) {
        if (dst instanceof long[] l) {
            System.arraycopy(v, 0, l, 0, v.length);
        } else if (dst instanceof int[] n) {
            for (int i = 0; i < v.length; i++) {
                n[i] = (int) v[i];
            }
        } else {
            boolean[] b = (boolean[]) dst;
            for (int i = 0; i < v.length; i++) {
                b[i] = v[i] != 0;
            }
        }
    }

    /** The product of {@code shape[from, to)}. */
    public static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int d = from; d < to; d++) {
            p *= shape[d];
        }
        return p;
    }

    /** An axis given at run time, checked and made non-negative. */
    public static int axis(long a, int rank) {
        if (a < -rank || a >= rank) {
            throw new ModelInputError("axis " + a + " out of range for rank " + rank);
        }
        return (int) (a < 0 ? a + rank : a);
    }
}
