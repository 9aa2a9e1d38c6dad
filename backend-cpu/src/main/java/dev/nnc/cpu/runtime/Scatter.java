package dev.nnc.cpu.runtime;

/**
 * Indexed writes: {@code ScatterElements} (and {@code Scatter}), {@code ScatterND} and
 * {@code TensorScatter}. The output starts as a copy of the data; updates then combine into their
 * targets in index order (none/add/mul/max/min), so with duplicate indices and no reduction the
 * last wins, as in the interpreter. Floats combine in double and round to the element type.
 */
public final class Scatter {
    private Scatter() {
    }

    /** ScatterElements: {@code out[i with i[axis] = indices[i]] = updates[i]} for every position i of indices. */
    public static void elements(Object data, int[] shape, Object indices, int[] indexShape, Object updates, Object out,
                                int axis, String reduction) {
        int rank = shape.length;
        int n = Elements.product(indexShape, 0, rank);
        int[] strides = strides(shape);
        int[] target = new int[n];
        int[] idx = new int[rank];
        for (int t = 0; t < n; t++) {
            int at = 0;
            for (int d = 0; d < rank; d++) {
                int coord = d == axis ? index(Elements.longAt(indices, t), shape[d]) : idx[d];
                at += coord * strides[d];
            }
            target[t] = at;
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < indexShape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        apply(data, updates, target, out, reduction);
    }

    /** ScatterND: each k-tuple of the last indices axis addresses a slice of data, which one slice of updates replaces. */
    public static void nd(Object data, int[] shape, Object indices, int[] indexShape, Object updates, Object out,
                          String reduction) {
        int k = indexShape[indexShape.length - 1];
        int[] strides = strides(shape);
        int slice = Elements.product(shape, k, shape.length);
        int tuples = Elements.product(indexShape, 0, indexShape.length - 1);
        int[] target = new int[tuples * slice];
        int w = 0;
        for (int t = 0; t < tuples; t++) {
            int base = 0;
            for (int j = 0; j < k; j++) {
                base += index(Elements.longAt(indices, t * k + j), shape[j]) * strides[j];
            }
            for (int e = 0; e < slice; e++) {
                target[w++] = base + e;
            }
        }
        apply(data, updates, target, out, reduction);
    }

    /**
     * TensorScatter: a block of {@code updateShape} per batch written along {@code axis} from that
     * batch's write index (null: 0), wrapping when {@code circular}.
     */
    public static void tensor(Object cache, int[] shape, Object update, int[] updateShape, Object writeIndices,
                              Object out, int axis, boolean circular) {
        int rank = shape.length;
        int[] strides = strides(shape);
        int n = Elements.product(updateShape, 0, rank);
        int[] target = new int[n];
        int[] idx = new int[rank];
        for (int t = 0; t < n; t++) {
            long pos = (writeIndices == null ? 0 : Elements.longAt(writeIndices, idx[0])) + idx[axis];
            if (circular) {
                pos = Math.floorMod(pos, (long) shape[axis]);
            } else if (pos < 0 || pos >= shape[axis]) {
                throw new ModelInputError("TensorScatter: write position " + pos + " out of range [0, "
                        + shape[axis] + ")");
            }
            int at = 0;
            for (int d = 0; d < rank; d++) {
                at += (d == axis ? (int) pos : idx[d]) * strides[d];
            }
            target[t] = at;
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < updateShape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        apply(cache, update, target, out, "none");
    }

    private static void apply(Object data, Object updates, int[] target, Object out, String reduction) {
        System.arraycopy(data, 0, out, 0, java.lang.reflect.Array.getLength(data));
        if (reduction.equals("none")) {
            for (int j = 0; j < target.length; j++) {
                System.arraycopy(updates, j, out, target[j], 1);
            }
        } else if (out instanceof double[] o) {
            double[] u = (double[]) updates;
            for (int j = 0; j < target.length; j++) {
                o[target[j]] = combine(reduction, o[target[j]], u[j]);
            }
        } else if (out instanceof float[] o) {
            float[] u = (float[]) updates;
            for (int j = 0; j < target.length; j++) {
                o[target[j]] = (float) combine(reduction, o[target[j]], u[j]);
            }
        } else if (out instanceof long[] o) {
            long[] u = (long[]) updates;
            for (int j = 0; j < target.length; j++) {
                o[target[j]] = combine(reduction, o[target[j]], u[j]);
            }
        } else if (out instanceof int[] o) {
            int[] u = (int[]) updates;
            for (int j = 0; j < target.length; j++) {
                o[target[j]] = (int) combine(reduction, o[target[j]], (long) u[j]);
            }
        } else {
            throw new ModelInputError("Scatter: reduction '" + reduction + "' is not defined for bool");
        }
    }

    private static double combine(String reduction, double a, double b) {
        return switch (reduction) {
            case "add" -> a + b;
            case "mul" -> a * b;
            case "max" -> Math.max(a, b);
            default -> Math.min(a, b);
        };
    }

    private static long combine(String reduction, long a, long b) {
        return switch (reduction) {
            case "add" -> a + b;
            case "mul" -> a * b;
            case "max" -> Math.max(a, b);
            default -> Math.min(a, b);
        };
    }

    private static int index(long i, int size) {
        if (i < -size || i >= size) {
            throw new ModelInputError("Scatter: index " + i + " out of range [" + -size + ", " + (size - 1) + "]");
        }
        return (int) (i < 0 ? i + size : i);
    }

    private static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int p = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = p;
            p *= shape[d];
        }
        return s;
    }
}
