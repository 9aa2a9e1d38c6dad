package dev.nnc.cpu.runtime;

import dev.nnc.ir.onnx.kernels.Reducer;
import dev.nnc.ir.type.IntegerType;

/**
 * The Reduce* ops on f64, i64 and i32 tensors through the interpreter's own folds
 * ({@link Reducer}: floats in double, integers exactly in long); the axes may be given at run time.
 * Element i of the input folds into the output element of its kept coordinates.
 */
public final class TypedReduce {
    private TypedReduce() {
    }

    /** {@code axes} null or empty: all axes, or none when {@code noopWithEmptyAxes}. */
    public static void apply(Reducer reducer, Object x, int[] shape, Object y, Object axes, boolean noopWithEmptyAxes) {
        int rank = shape.length;
        boolean[] reduced = new boolean[rank];
        long[] ax = axes == null ? new long[0] : Elements.longs(axes);
        if (ax.length == 0) {
            java.util.Arrays.fill(reduced, !noopWithEmptyAxes);
        }
        for (long a : ax) {
            reduced[Elements.axis(a, rank)] = true;
        }
        int size = Elements.product(shape, 0, rank);
        int[] slot = new int[size];
        int[] idx = new int[rank];
        int groups = 1;
        for (int d = 0; d < rank; d++) {
            groups *= reduced[d] ? 1 : shape[d];
        }
        for (int i = 0; i < size; i++) {
            int g = 0;
            for (int d = 0; d < rank; d++) {
                if (!reduced[d]) {
                    g = g * shape[d] + idx[d];
                }
            }
            slot[i] = g;
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        if (Elements.isFloat(x)) {
            Elements.store(reducer.reduce(Elements.doubles(x), slot, groups), y);
        } else {
            IntegerType type = x instanceof int[] ? IntegerType.I32 : IntegerType.I64;
            Elements.store(reducer.reduce(Elements.longs(x), slot, groups, type), y);
        }
    }
}
