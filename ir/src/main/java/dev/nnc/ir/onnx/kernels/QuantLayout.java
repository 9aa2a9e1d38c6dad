package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import java.util.Arrays;

/**
 * How a scale (or zero point) tensor maps onto the elements of the quantized tensor: one value
 * for all (per-tensor), one per index of {@code axis} (per-axis, {@code blockSize} 0), or one per block of
 * {@code blockSize} consecutive indices along {@code axis} (blocked; the scale then has X's rank).
 */
record QuantLayout(int n, int inner, int scaleN, int blockSize, boolean perTensor) {

    static QuantLayout of(String op, int[] xShape, int[] scaleShape, long axisAttr, long blockSize) {
        int scaleSize = NnUtil.product(scaleShape, 0, scaleShape.length);
        if (scaleShape.length == 0 || scaleSize == 1 && blockSize == 0) {
            return new QuantLayout(1, 1, 1, 1, true);
        }
        int axis = LayerNorms.axis(op, axisAttr, xShape.length);
        int n = xShape[axis];
        int inner = NnUtil.product(xShape, axis + 1, xShape.length);
        if (blockSize <= 0) {
            if (scaleShape.length != 1 || scaleShape[0] != n) {
                throw new NncException(op + ": per-axis scale of shape " + Arrays.toString(scaleShape) + " needs " + n
                        + " values (axis " + axis + " of " + Arrays.toString(xShape) + ")");
            }
            return new QuantLayout(n, inner, n, 0, false);
        }
        int blocks = Window.ceilDiv(n, (int) blockSize);
        boolean ok = scaleShape.length == xShape.length && scaleShape[axis] == blocks;
        for (int d = 0; ok && d < xShape.length; d++) {
            ok = d == axis || scaleShape[d] == xShape[d];
        }
        if (!ok) {
            throw new NncException(op + ": blocked scale of shape " + Arrays.toString(scaleShape) + " does not fit "
                    + Arrays.toString(xShape) + " with block_size " + blockSize + " on axis " + axis);
        }
        return new QuantLayout(n, inner, blocks, (int) blockSize, false);
    }

    /** The index into the scale for element i of X. */
    int index(int i) {
        if (perTensor) {
            return 0;
        }
        int in = i % inner;
        int a = i / inner % n;
        if (blockSize == 0) {
            return a;
        }
        int o = i / (inner * n);
        return (o * scaleN + a / blockSize) * inner + in;
    }
}
