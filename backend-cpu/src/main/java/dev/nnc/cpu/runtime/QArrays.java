package dev.nnc.cpu.runtime;

/**
 * Element access to the arrays that hold fixed-point raws: {@code int[]} for types whose raws fit
 * an int, {@code long[]} for the rest. The q kernels take their fast loops on int arrays and use
 * these accessors on the general path.
 */
final class QArrays {
    private QArrays() {
    }

    static long get(Object a, int i) {
        return a instanceof int[] ints ? ints[i] : ((long[]) a)[i];
    }

    /** Stores a raw; the int form is exact because the builder only gives int arrays to types that fit. */
    static void set(Object a, int i, long v) {
        if (a instanceof int[] ints) {
            ints[i] = (int) v;
        } else {
            ((long[]) a)[i] = v;
        }
    }

    static void fill(Object a, int from, int to) {
        if (a instanceof int[] ints) {
            java.util.Arrays.fill(ints, from, to, 0);
        } else {
            java.util.Arrays.fill((long[]) a, from, to, 0L);
        }
    }
}
