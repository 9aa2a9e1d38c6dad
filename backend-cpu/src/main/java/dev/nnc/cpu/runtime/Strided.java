package dev.nnc.cpu.runtime;

/**
 * A copy between two strided views of the same shape: {@code dst[dstOff + Σ i_d*dstStrides[d]] =
 * src[srcOff + Σ i_d*srcStrides[d]]}. Slice (any steps, negative too), Split and Pad's interior
 * are all this one loop with strides the builder computed.
 */
public final class Strided {
    private Strided() {
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
