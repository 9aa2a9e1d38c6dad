package dev.nnc.cpu.runtime;

import java.lang.reflect.Array;

/**
 * ONNX GatherElements for arrays of any element type: output element at coordinate c (over the
 * indices' shape) is data at c with c[axis] replaced by the index there (negative counts from the
 * end). Elements move with {@code System.arraycopy}, indices are read as i64 or i32.
 */
public final class GatherElements {
    private GatherElements() {
    }

    public static void apply(Object data, Object indices, Object out, int[] shape, int[] dataStrides, int axis, int axisLen) {
        int rank = shape.length;
        int total = Array.getLength(out);
        int[] idx = new int[rank];
        for (int flat = 0; flat < total; flat++) {
            int src = 0;
            for (int d = 0; d < rank; d++) {
                int c = idx[d];
                if (d == axis) {
                    long k = Array.getLong(indices, flat);
                    if (k < -axisLen || k >= axisLen) {
                        throw new IndexOutOfBoundsException("GatherElements index " + k + " out of range [" + -axisLen + ", "
                                + axisLen + ")");
                    }
                    c = (int) (k < 0 ? k + axisLen : k);
                }
                src += c * dataStrides[d];
            }
            System.arraycopy(data, src, out, flat, 1);
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }
}
