package dev.nnc.ir.kernel;

import dev.nnc.ir.tensor.Shapes;

/**
 * Index maps of transposes, shared by {@code kernel.to_stream}/{@code from_stream} and by
 * lower-kernel when it tracks which logical element each stream position holds.
 */
public final class Permutation {
    private Permutation() {
    }

    /** The shape of {@code transpose(x, perm)}. */
    public static int[] permuteShape(int[] shape, int[] perm) {
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = shape[perm[i]];
        }
        return out;
    }

    /** For each flat index of {@code transpose(x, perm)} (row-major), the flat index of x it reads. */
    public static int[] sourceIndex(int[] shape, int[] perm) {
        int[] outShape = permuteShape(shape, perm);
        int[] inStrides = Shapes.strides(shape);
        int[] stride = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            stride[i] = inStrides[perm[i]];
        }
        int n = Math.toIntExact(Shapes.size(outShape));
        int[] map = new int[n];
        int[] idx = new int[perm.length];
        int src = 0;
        for (int k = 0; k < n; k++) {
            map[k] = src;
            for (int d = perm.length - 1; d >= 0; d--) {
                idx[d]++;
                src += stride[d];
                if (idx[d] < outShape[d]) {
                    break;
                }
                src -= stride[d] * outShape[d];
                idx[d] = 0;
            }
        }
        return map;
    }

    /** The inverse permutation: q[p[i]] = i. */
    public static int[] inverse(int[] perm) {
        int[] q = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            q[perm[i]] = i;
        }
        return q;
    }

    /** True when {@code perm} holds each of 0..n-1 once. */
    public static boolean isPermutation(long[] perm) {
        boolean[] seen = new boolean[perm.length];
        for (long p : perm) {
            if (p < 0 || p >= perm.length || seen[(int) p]) {
                return false;
            }
            seen[(int) p] = true;
        }
        return true;
    }

    public static int[] toInts(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.toIntExact(v[i]);
        }
        return out;
    }
}
