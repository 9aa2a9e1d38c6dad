package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/**
 * {@code Softmax}, {@code LogSoftmax} and {@code Hardmax}. From opset 13 they work along one axis
 * (default -1); before, the input is coerced to 2-D [d0*..*d(axis-1), d(axis)*..*dn] (default
 * axis 1) and the op runs along the second dimension. Softmax subtracts the maximum first, as the
 * reference does; Hardmax marks the first maximum.
 */
public final class SoftmaxKernels implements KernelFamily {
    /** The three ops' rule on one row of n values at stride {@code step}. */
    private enum Kind { SOFTMAX, LOG_SOFTMAX, HARDMAX }

    @Override
    public String table() {
        return "kernels/softmax.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Softmax", Infer::sameAsFirst, ctx -> List.of(run(ctx, Kind.SOFTMAX)));
        t.op("LogSoftmax", Infer::sameAsFirst, ctx -> List.of(run(ctx, Kind.LOG_SOFTMAX)));
        t.op("Hardmax", Infer::sameAsFirst, ctx -> List.of(run(ctx, Kind.HARDMAX)));
    }

    private static Tensor run(EvalContext ctx, Kind kind) {
        Tensor x = ElementwiseSupport.requireFloat(ctx, ctx.input(0), "input");
        boolean legacy = ctx.opset() < 13;
        int[] shape = x.shape();
        long axisAttr = ctx.attrs().getInt("axis", legacy ? 1 : -1);
        int rank = shape.length;
        long a = rank == 0 ? 0 : axisAttr < 0 ? axisAttr + rank : axisAttr;
        if (a < 0 || a > rank || (!legacy && a == rank && rank > 0)) {
            throw ctx.error("axis " + axisAttr + " out of range for rank " + rank);
        }
        int axis = (int) a;
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        int n = 1;
        int inner = 1;
        for (int i = axis; i < rank; i++) {
            if (legacy || i == axis) {
                n *= shape[i];
            } else {
                inner *= shape[i];
            }
        }
        double[] in = x.doubles();
        double[] out = new double[in.length];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                row(kind, in, out, o * n * inner + j, n, inner);
            }
        }
        return Tensor.ofDoubles(x.elementType(), shape, out);
    }

    private static void row(Kind kind, double[] in, double[] out, int base, int n, int step) {
        if (n == 0) {
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        int argmax = 0;
        for (int k = 0; k < n; k++) {
            double v = in[base + k * step];
            if (v > max || Double.isNaN(v) && !Double.isNaN(max)) {
                max = v;
                argmax = k;
            }
        }
        if (kind == Kind.HARDMAX) {
            for (int k = 0; k < n; k++) {
                out[base + k * step] = k == argmax ? 1 : 0;
            }
            return;
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.exp(in[base + k * step] - max);
        }
        for (int k = 0; k < n; k++) {
            double shifted = in[base + k * step] - max;
            out[base + k * step] = kind == Kind.SOFTMAX ? Math.exp(shifted) / sum : shifted - Math.log(sum);
        }
    }
}
