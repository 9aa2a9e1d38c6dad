package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.List;

/** Stacking, slicing and axis moves of whole tensors, for the per-iteration outputs of Loop and Scan. */
final class Stacking {
    private Stacking() {
    }

    /**
     * Stacks equal-shaped tensors along a new leading axis. With no items, the result has a zero
     * leading dimension and the element type of {@code declared} (f32 when unknown).
     */
    static Tensor stack(List<Tensor> items, Type declared) {
        if (items.isEmpty()) {
            ElementType e = declared instanceof TensorType tt ? tt.elementType() : FloatType.F32;
            return Tensor.zeros(e, new int[] {0});
        }
        Tensor first = items.get(0);
        int[] inner = first.shape();
        int[] shape = new int[inner.length + 1];
        shape[0] = items.size();
        System.arraycopy(inner, 0, shape, 1, inner.length);
        for (Tensor item : items) {
            if (!java.util.Arrays.equals(item.shape(), inner)) {
                throw new IllegalArgumentException("per-iteration outputs differ in shape: "
                        + java.util.Arrays.toString(inner) + " and " + java.util.Arrays.toString(item.shape()));
            }
        }
        return concatenate(items, shape);
    }

    private static Tensor concatenate(List<Tensor> items, int[] shape) {
        Tensor first = items.get(0);
        int n = first.size();
        if (first.isDoubles()) {
            double[] out = new double[items.size() * n];
            for (int i = 0; i < items.size(); i++) {
                System.arraycopy(items.get(i).doubles(), 0, out, i * n, n);
            }
            return Tensor.ofDoubles(first.elementType(), shape, out);
        }
        if (first.isLongs()) {
            long[] out = new long[items.size() * n];
            for (int i = 0; i < items.size(); i++) {
                System.arraycopy(items.get(i).longs(), 0, out, i * n, n);
            }
            return Tensor.ofLongs(first.elementType(), shape, out);
        }
        String[] out = new String[items.size() * n];
        for (int i = 0; i < items.size(); i++) {
            System.arraycopy(items.get(i).strings(), 0, out, i * n, n);
        }
        return Tensor.ofStrings(shape, out);
    }

    /** The slice at {@code index} along {@code axis}, with that axis removed. */
    static Tensor slice(Tensor t, int axis, int index) {
        int[] shape = t.shape();
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int[] src = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                src[o * inner + i] = (o * shape[axis] + index) * inner + i;
            }
        }
        int[] outShape = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                outShape[j++] = shape[i];
            }
        }
        return take(t, src, outShape);
    }

    /** Moves axis {@code from} to position {@code to}, shifting the others. */
    static Tensor moveAxis(Tensor t, int from, int to) {
        if (from == to) {
            return t;
        }
        int r = t.rank();
        int[] perm = new int[r];
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < r; i++) {
            if (i != from) {
                order.add(i);
            }
        }
        order.add(to, from);
        for (int i = 0; i < r; i++) {
            perm[i] = order.get(i);
        }
        int[] in = t.shape();
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            out[i] = in[perm[i]];
        }
        int[] inStrides = Shapes.strides(in);
        int n = t.size();
        int[] src = new int[n];
        int[] counter = new int[r];
        for (int i = 0; i < n; i++) {
            int pos = 0;
            for (int d = 0; d < r; d++) {
                pos += counter[d] * inStrides[perm[d]];
            }
            src[i] = pos;
            for (int d = r - 1; d >= 0; d--) {
                if (++counter[d] < out[d]) {
                    break;
                }
                counter[d] = 0;
            }
        }
        return take(t, src, out);
    }

    /** A tensor of {@code shape} whose element i is element {@code src[i]} of {@code t}. */
    static Tensor take(Tensor t, int[] src, int[] shape) {
        if (t.isDoubles()) {
            double[] d = t.doubles();
            double[] out = new double[src.length];
            for (int i = 0; i < src.length; i++) {
                out[i] = d[src[i]];
            }
            return Tensor.ofDoubles(t.elementType(), shape, out);
        }
        if (t.isLongs()) {
            long[] d = t.longs();
            long[] out = new long[src.length];
            for (int i = 0; i < src.length; i++) {
                out[i] = d[src[i]];
            }
            return Tensor.ofLongs(t.elementType(), shape, out);
        }
        String[] d = t.strings();
        String[] out = new String[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = d[src[i]];
        }
        return Tensor.ofStrings(shape, out);
    }
}
