package dev.nnc.cpu.runtime;

/**
 * Index-driven data movement whose indices are values of the model: {@code GatherND} (with
 * batch_dims) and {@code ReverseSequence} (each batch row's first {@code len} time steps reversed).
 * Any element type: elements move with {@code System.arraycopy}.
 */
public final class Rearrange {
    private Rearrange() {
    }

    /** GatherND: each k-tuple of the last indices axis picks a slice of {@code slice} elements (batch b of data for tuple t / perBatch). */
    public static void gatherNd(Object data, int[] shape, int batchDims, Object indices, int k, int tuples, int perBatch,
                                Object y) {
        int rank = shape.length;
        int[] strides = new int[rank];
        int p = 1;
        for (int d = rank - 1; d >= 0; d--) {
            strides[d] = p;
            p *= shape[d];
        }
        int slice = Elements.product(shape, batchDims + k, rank);
        int batchStride = Elements.product(shape, batchDims, rank);
        int w = 0;
        for (int t = 0; t < tuples; t++) {
            int base = (perBatch == 0 ? 0 : t / perBatch) * batchStride;
            for (int j = 0; j < k; j++) {
                int size = shape[batchDims + j];
                long i = Elements.longAt(indices, t * k + j);
                if (i < -size || i >= size) {
                    throw new ModelInputError("GatherND: index " + i + " out of range [" + -size + ", " + (size - 1) + "]");
                }
                base += (int) (i < 0 ? i + size : i) * strides[batchDims + j];
            }
            System.arraycopy(data, base, y, w, slice);
            w += slice;
        }
    }

    /** ReverseSequence over {@code shape}: along timeAxis, positions below the row's length are mirrored. */
    public static void reverseSequence(Object x, int[] shape, Object lens, int timeAxis, int batchAxis, Object y) {
        int rank = shape.length;
        int[] strides = new int[rank];
        int p = 1;
        for (int d = rank - 1; d >= 0; d--) {
            strides[d] = p;
            p *= shape[d];
        }
        int[] idx = new int[rank];
        for (int i = 0; i < p; i++) {
            long len = Elements.longAt(lens, idx[batchAxis]);
            if (len < 0 || len > shape[timeAxis]) {
                throw new ModelInputError("ReverseSequence: sequence length " + len + " out of range [0, " + shape[timeAxis] + "]");
            }
            int t = idx[timeAxis];
            int src = t < len ? (int) (len - 1 - t) : t;
            System.arraycopy(x, i + (src - t) * strides[timeAxis], y, i, 1);
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }
}
