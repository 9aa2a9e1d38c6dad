package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code LayerNormalization} (optional Mean and InvStdDev outputs in the stash type) and
 * {@code RMSNormalization}: normalize over the dims from {@code axis} to the end, then scale (and
 * shift) with tensors broadcast to X.
 */
final class LayerNorms {
    private LayerNorms() {
    }

    static List<Tensor> layerNorm(EvalContext ctx, boolean rms) {
        Tensor x = ctx.input(0);
        int[] xs = x.shape();
        int axis = axis(ctx.op().name(), ctx.attrs().getInt("axis", -1), xs.length);
        double eps = ctx.attrs().getFloat("epsilon", 1e-5);
        int rows = NnUtil.product(xs, 0, axis);
        int cols = NnUtil.product(xs, axis, xs.length);
        double[] xv = NnUtil.values(x);
        Moments mo = Moments.ofRows(xv, rows, cols, !rms);
        double[] sc = NnUtil.values(ctx.input(1));
        int[] scIdx = broadcastTo(ctx, ctx.input(1), xs);
        Tensor b = ctx.input(2);
        double[] bv = b == null ? null : NnUtil.values(b);
        int[] bIdx = b == null ? null : broadcastTo(ctx, b, xs);
        ElementType e = x.elementType();
        ElementType stash = stashType(ctx.attrs().getInt("stash_type", 1));
        double[] y = new double[xv.length];
        double[] inv = new double[rows];
        for (int r = 0; r < rows; r++) {
            inv[r] = 1.0 / Math.sqrt(mo.var()[r] + eps);
            double m = rms ? 0 : mo.mean()[r];
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                // the normalized value is rounded to X's type before the affine step, as ONNX does
                double norm = ((FloatType) e).round((xv[i] - m) * inv[r]);
                y[i] = norm * sc[scIdx[i]] + (bv == null ? 0 : bv[bIdx[i]]);
            }
        }
        List<Tensor> out = new ArrayList<>();
        out.add(Tensor.ofDoubles(e, xs, y));
        int[] redShape = reducedShape(xs, axis);
        if (ctx.numOutputs() > 1) {
            out.add(Tensor.ofDoubles(stash, redShape, mo.mean().clone()));
        }
        if (ctx.numOutputs() > 2) {
            out.add(Tensor.ofDoubles(stash, redShape, inv));
        }
        return out;
    }

    private static int[] broadcastTo(EvalContext ctx, Tensor t, int[] xs) {
        int[] b = Shapes.broadcast(t.shape(), xs);
        if (b == null || !Arrays.equals(b, xs)) {
            throw ctx.error("scale/bias of shape " + Arrays.toString(t.shape()) + " does not broadcast to " + Arrays.toString(xs));
        }
        return Shapes.broadcastIndex(t.shape(), xs);
    }

    static int axis(String op, long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new NncException(op + ": axis " + axis + " out of range for rank " + rank);
        }
        return (int) a;
    }

    private static int[] reducedShape(int[] xs, int axis) {
        int[] r = xs.clone();
        for (int i = axis; i < r.length; i++) {
            r[i] = 1;
        }
        return r;
    }

    /** The float type of a TensorProto data type code (stash_type). */
    static ElementType stashType(long code) {
        ElementType t = QuantizationKernels.dataType("stash_type", code);
        if (!t.isFloat()) {
            throw new NncException("stash_type " + code + " is not a float type");
        }
        return t;
    }

    static List<Type> infer(InferContext ctx) {
        ElementType e = Infer.elementType(ctx.operandType(0));
        int n = ctx.op().numResults();
        List<Type> out = new ArrayList<>(Infer.unknown(n));
        out.set(0, ctx.operandType(0));
        long[] x = NnUtil.sizes(ctx.operandType(0));
        if (n > 1 && e != null) {
            ElementType stash = stashType(ctx.attrs().getInt("stash_type", 1));
            Type red = TensorType.unranked(stash);
            if (x != null) {
                int axis = axis(ctx.op().name(), ctx.attrs().getInt("axis", -1), x.length);
                long[] r = x.clone();
                for (int i = axis; i < r.length; i++) {
                    r[i] = 1;
                }
                red = NnUtil.typeOf(stash, r, ctx.operandType(0));
            }
            for (int i = 1; i < n; i++) {
                out.set(i, red);
            }
        }
        return out;
    }
}
