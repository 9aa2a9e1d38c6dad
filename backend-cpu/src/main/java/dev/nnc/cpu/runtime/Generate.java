package dev.nnc.cpu.runtime;

/**
 * Ops that make a tensor from scalars or a shape rather than from data: {@code EyeLike} (ones on
 * diagonal k), the signal windows and {@code Range} (whose start, limit and delta may be given at run time; the count
 * must be the compiled length). Floats compute in double, as the interpreter does.
 */
public final class Generate {
    private Generate() {
    }

    public static void eye(Object y, int rows, int cols, long k) {
        Object zero = java.lang.reflect.Array.newInstance(y.getClass().getComponentType(), 1);
        for (int i = 0; i < rows * cols; i++) {
            System.arraycopy(zero, 0, y, i, 1);
        }
        for (int i = 0; i < rows; i++) {
            long j = i + k;
            if (j >= 0 && j < cols) {
                int at = i * cols + (int) j;
                if (y instanceof float[] f) {
                    f[at] = 1;
                } else if (y instanceof double[] d) {
                    d[at] = 1;
                } else if (y instanceof long[] l) {
                    l[at] = 1;
                } else if (y instanceof int[] n) {
                    n[at] = 1;
                } else {
                    ((boolean[]) y)[at] = true;
                }
            }
        }
    }

    public static void range(Object start, Object limit, Object delta, Object y, int n) {
        if (Elements.isFloat(start)) {
            double s = Elements.doubleAt(start, 0);
            double d = Elements.doubleAt(delta, 0);
            long count = d == 0 ? -1 : (long) Math.max(Math.ceil((Elements.doubleAt(limit, 0) - s) / d), 0);
            check(count, n);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = s + i * d;
            }
            Elements.store(v, y);
        } else {
            long s = Elements.longAt(start, 0);
            long d = Elements.longAt(delta, 0);
            long span = Elements.longAt(limit, 0) - s;
            long count = d == 0 ? -1 : Math.max(0, Math.floorDiv(span, d) + (Math.floorMod(span, d) != 0 ? 1 : 0));
            check(count, n);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = s + i * d;
            }
            Elements.store(v, y);
        }
    }

    private static void check(long count, int n) {
        if (count != n) {
            throw new ModelInputError("Range: " + (count < 0 ? "delta must not be 0" : count + " elements, but the model was compiled for " + n));
        }
    }

    /** HannWindow, HammingWindow or BlackmanWindow of the given size (periodic or symmetric), in double. */
    public static void window(String kind, Object size, boolean periodic, Object y, int n) {
        long given = Elements.longAt(size, 0);
        if (given != n) {
            throw new ModelInputError(kind + ": size " + given + ", but the model was compiled for " + n);
        }
        double denom = periodic ? n : n - 1;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / denom;
            w[i] = switch (kind) {
                case "HannWindow" -> 0.5 - 0.5 * Math.cos(a);
                case "HammingWindow" -> 25.0 / 46 - (21.0 / 46) * Math.cos(a);
                default -> 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
            };
        }
        Elements.store(w, y);
    }
}
