package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Arrays;
import java.util.List;

/** Stacking, slicing and axis moves of whole tensors, for the per-iteration values of Loop and Scan. */
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
        int[] inner = items.get(0).shape();
        int n = items.get(0).size();
        int[] which = new int[items.size() * n];
        int[] idx = new int[which.length];
        for (int i = 0; i < items.size(); i++) {
            if (!Arrays.equals(items.get(i).shape(), inner)) {
                throw new IllegalArgumentException("per-iteration values differ in shape: "
                        + Arrays.toString(inner) + " and " + Arrays.toString(items.get(i).shape()));
            }
            for (int j = 0; j < n; j++) {
                which[i * n + j] = i;
                idx[i * n + j] = j;
            }
        }
        int[] shape = new int[inner.length + 1];
        shape[0] = items.size();
        System.arraycopy(inner, 0, shape, 1, inner.length);
        return TensorGather.gatherMany(items, shape, which, idx);
    }

    /** The slice at {@code index} along {@code axis}, with that axis removed. */
    static Tensor slice(Tensor t, int axis, int index) {
        int[] shape = t.shape();
        int[] strides = dev.nnc.ir.tensor.Shapes.strides(shape);
        int[] outShape = new int[shape.length - 1];
        int[] outStrides = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                outShape[j] = shape[i];
                outStrides[j++] = strides[i];
            }
        }
        return TensorGather.gather(t, outShape, Shapes.strided(outShape, outStrides, index * strides[axis]));
    }

    /** Moves axis {@code from} to position {@code to}, shifting the others. */
    static Tensor moveAxis(Tensor t, int from, int to) {
        if (from == to) {
            return t;
        }
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < t.rank(); i++) {
            if (i != from) {
                order.add(i);
            }
        }
        order.add(to, from);
        return TensorGather.transpose(t, order.stream().mapToInt(Integer::intValue).toArray());
    }
}
