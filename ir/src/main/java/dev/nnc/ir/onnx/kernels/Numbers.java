package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;

/** Building a tensor of any numeric element type from values computed in double. */
final class Numbers {
    private Numbers() {
    }

    /** Floats are rounded to the type; integers and booleans take the value truncated toward zero. */
    static Tensor of(ElementType type, int[] shape, double[] values) {
        if (type.isFloat()) {
            return Tensor.ofDoubles(type, shape, values);
        }
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (long) values[i];
        }
        return Tensor.ofLongs(type, shape, l);
    }
}
