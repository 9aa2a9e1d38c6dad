package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.tensor.Shapes;

/**
 * Where each element of a tensor lands in a reduction over a set of axes: {@code slot[i]} is the
 * flat output index of input element i. {@code keptShape} has the reduced axes as 1,
 * {@code outShape} is what the op returns (kept or dropped per {@code keepdims}).
 */
public record ReduceLayout(int[] keptShape, int[] outShape, int[] slot, int groupSize) {

    /** Output slot of every element when {@code reduced[d]} marks the axes folded away. */
    public static ReduceLayout of(int[] shape, boolean[] reduced, boolean keepdims) {
        int r = shape.length;
        int[] kept = new int[r];
        int outRank = 0;
        int group = 1;
        for (int d = 0; d < r; d++) {
            kept[d] = reduced[d] ? 1 : shape[d];
            if (reduced[d]) {
                group *= shape[d];
            } else {
                outRank++;
            }
        }
        int[] out = keepdims ? kept.clone() : new int[outRank];
        if (!keepdims) {
            int j = 0;
            for (int d = 0; d < r; d++) {
                if (!reduced[d]) {
                    out[j++] = shape[d];
                }
            }
        }
        int n = Math.toIntExact(Shapes.size(shape));
        int[] slot = new int[n];
        int[] keptStrides = Shapes.strides(kept);
        int[] counter = new int[r];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            slot[i] = pos;
            for (int d = r - 1; d >= 0; d--) {
                counter[d]++;
                if (!reduced[d]) {
                    pos += keptStrides[d];
                }
                if (counter[d] < shape[d]) {
                    break;
                }
                if (!reduced[d]) {
                    pos -= keptStrides[d] * counter[d];
                }
                counter[d] = 0;
            }
        }
        return new ReduceLayout(kept, out, slot, group);
    }

    /** Number of output elements. */
    public int outSize() {
        return Math.toIntExact(Shapes.size(keptShape));
    }

    /**
     * Strides for walking one axis: the tensor seen as [outer, axisLen, inner], so element
     * (o, k, i) sits at {@code (o * axisLen + k) * inner + i}.
     */
    public static int[] outerInner(int[] shape, int axis) {
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new int[] {outer, shape[axis], inner};
    }
}
