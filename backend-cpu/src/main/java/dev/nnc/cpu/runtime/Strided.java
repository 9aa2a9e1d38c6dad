package dev.nnc.cpu.runtime;

/**
 * A copy between two strided views of the same shape: {@code dst[dstOff + Σ i_d*dstStrides[d]] =
 * src[srcOff + Σ i_d*srcStrides[d]]}. Slice (any steps, negative too), Split and Pad's interior
 * are all this one loop with strides the builder computed.
 */
public final class Strided {
    private Strided() {
    }

    /**
     * The same copy for arrays of any element type (i64, i32, bool, f64 tensors): runs of unit
     * stride move with one {@code System.arraycopy}, other elements one by one.
     */
    public static void copy(Object src, int srcOff, int[] srcStrides, Object dst, int dstOff, int[] dstStrides,
                            int[] shape) {
        int rank = shape.length;
        long total = 1;
        for (int d : shape) {
            total *= d;
        }
        if (total == 0) {
            return;
        }
        if (rank == 0) {
            System.arraycopy(src, srcOff, dst, dstOff, 1);
            return;
        }
        int last = rank - 1;
        int len = shape[last];
        int ss = srcStrides[last];
        int ds = dstStrides[last];
        int[] idx = new int[rank];
        int s = srcOff;
        int t = dstOff;
        for (long done = 0; done < total; done += len) {
            if (ss == 1 && ds == 1) {
                System.arraycopy(src, s, dst, t, len);
            } else {
                for (int j = 0; j < len; j++) {
                    System.arraycopy(src, s + j * ss, dst, t + j * ds, 1);
                }
            }
            for (int a = last - 1; a >= 0; a--) {
                s += srcStrides[a];
                t += dstStrides[a];
                if (++idx[a] < shape[a]) {
                    break;
                }
                s -= srcStrides[a] * shape[a];
                t -= dstStrides[a] * shape[a];
                idx[a] = 0;
            }
        }
    }

    public static void copy(float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff, int[] dstStrides,
                            int[] shape) {
        int rank = shape.length;
        long total = 1;
        for (int d : shape) {
            total *= d;
        }
        if (total == 0) {
            return;
        }
        if (rank == 0) {
            dst[dstOff] = src[srcOff];
            return;
        }
        int last = rank - 1;
        int len = shape[last];
        int ss = srcStrides[last];
        int ds = dstStrides[last];
        int[] idx = new int[rank];
        int s = srcOff;
        int t = dstOff;
        for (long done = 0; done < total; done += len) {
            for (int j = 0; j < len; j++) {
                dst[t + j * ds] = src[s + j * ss];
            }
            for (int a = last - 1; a >= 0; a--) {
                s += srcStrides[a];
                t += dstStrides[a];
                if (++idx[a] < shape[a]) {
                    break;
                }
                s -= srcStrides[a] * shape[a];
                t -= dstStrides[a] * shape[a];
                idx[a] = 0;
            }
        }
    }
}
