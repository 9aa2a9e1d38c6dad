package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code Reduce*} ops and {@code ArgMax}/{@code ArgMin}. Axes come from the {@code axes}
 * attribute (ReduceSum before opset 13, the others before 18) or from the optional second input;
 * no axes means all axes, unless {@code noop_with_empty_axes} is set, in which case each element is
 * its own group (the identity for Sum/Mean/Max/Min/Prod, |x| for L1, x² for SumSquare, as the ONNX
 * reference does).
 */
public final class ReduceKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/reduce.tsv";
    }

    @Override
    public void register(KernelTable t) {
        for (Reducer r : Reducer.values()) {
            t.op(r.onnxName(), ReduceKernels::inferReduce, ctx -> List.of(reduce(ctx, r)));
        }
        t.op("ArgMax", ReduceKernels::inferArg, ctx -> List.of(arg(ctx, true)));
        t.op("ArgMin", ReduceKernels::inferArg, ctx -> List.of(arg(ctx, false)));
    }

    private static Tensor reduce(EvalContext ctx, Reducer r) {
        Tensor x = ctx.input(0);
        long[] axes = ctx.attrs().getInts("axes", null);
        if (axes == null && ctx.hasInput(1)) {
            axes = ctx.input(1).toLongs();
        }
        boolean[] reduced = reducedAxes(ctx, axes, x.rank());
        ReduceLayout l = ReduceLayout.of(x.shape(), reduced, ctx.attrs().getInt("keepdims", 1) != 0);
        if (x.isDoubles()) {
            return Tensor.ofDoubles(x.elementType(), l.outShape(), r.reduce(x.doubles(), l.slot(), l.outSize()));
        }
        if (x.isLongs()) {
            return Tensor.ofLongs(x.elementType(), l.outShape(), r.reduce(x.longs(), l.slot(), l.outSize(), x.elementType()));
        }
        throw ctx.error("cannot reduce a tensor of " + x.elementType().spelling());
    }

    /** Marks the reduced axes; empty axes mean all axes, or none with noop_with_empty_axes. */
    private static boolean[] reducedAxes(EvalContext ctx, long[] axes, int rank) {
        boolean[] reduced = new boolean[rank];
        if (axes == null || axes.length == 0) {
            boolean noop = ctx.attrs().getInt("noop_with_empty_axes", 0) != 0;
            java.util.Arrays.fill(reduced, !noop);
            return reduced;
        }
        for (long a : axes) {
            if (a < -rank || a >= rank) {
                throw ctx.error("axis " + a + " out of range for rank " + rank);
            }
            reduced[(int) (a < 0 ? a + rank : a)] = true;
        }
        return reduced;
    }

    private static List<Type> inferReduce(InferContext ctx) {
        TensorType x = ConstOperands.ranked(ctx, 0);
        OpAttributes a = ctx.attrs();
        long[] axes = a.getInts("axes", null);
        if (axes == null && ConstOperands.present(ctx, 1)) {
            Tensor c = ConstOperands.value(ctx, 1);
            axes = c == null ? null : c.toLongs();
            if (c == null) {
                return Collections.singletonList(null);
            }
        }
        if (x == null) {
            return Collections.singletonList(null);
        }
        int rank = x.rank();
        boolean[] reduced = new boolean[rank];
        if (axes == null || axes.length == 0) {
            java.util.Arrays.fill(reduced, a.getInt("noop_with_empty_axes", 0) == 0);
        } else {
            for (long ax : axes) {
                if (ax < -rank || ax >= rank) {
                    return Collections.singletonList(null);
                }
                reduced[(int) (ax < 0 ? ax + rank : ax)] = true;
            }
        }
        return List.of(new TensorType(x.elementType(), keptDims(x.dims(), reduced, a.getInt("keepdims", 1) != 0)));
    }

    static List<Dim> keptDims(List<Dim> dims, boolean[] reduced, boolean keepdims) {
        List<Dim> out = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
            if (!reduced[d]) {
                out.add(dims.get(d));
            } else if (keepdims) {
                out.add(Dim.of(1));
            }
        }
        return out;
    }

    private static Tensor arg(EvalContext ctx, boolean max) {
        Tensor x = ctx.input(0);
        OpAttributes a = ctx.attrs();
        int rank = x.rank();
        long axisAttr = a.getInt("axis", 0);
        if (axisAttr < -rank || axisAttr >= rank) {
            throw ctx.error("axis " + axisAttr + " out of range for rank " + rank);
        }
        int axis = (int) (axisAttr < 0 ? axisAttr + rank : axisAttr);
        boolean last = a.getInt("select_last_index", 0) != 0;
        int[] shape = x.shape();
        if (shape[axis] == 0) {
            throw ctx.error("cannot take the arg" + (max ? "max" : "min") + " of an empty axis");
        }
        int[] oi = ReduceLayout.outerInner(shape, axis);
        long[] out = new long[oi[0] * oi[2]];
        boolean unsigned = x.elementType() instanceof IntegerType it && !it.signed();
        for (int o = 0; o < oi[0]; o++) {
            for (int i = 0; i < oi[2]; i++) {
                int best = 0;
                int base = o * oi[1] * oi[2] + i;
                for (int k = 1; k < oi[1]; k++) {
                    int c = x.isDoubles()
                            ? compareDoubles(x.doubles()[base + k * oi[2]], x.doubles()[base + best * oi[2]], max)
                            : Reducer.compare(x.longs()[base + k * oi[2]], x.longs()[base + best * oi[2]], unsigned) * (max ? 1 : -1);
                    if (c > 0 || (c == 0 && last)) {
                        best = k;
                    }
                }
                out[o * oi[2] + i] = best;
            }
        }
        int[] outShape;
        if (a.getInt("keepdims", 1) != 0) {
            outShape = shape.clone();
            outShape[axis] = 1;
        } else {
            outShape = new int[rank - 1];
            for (int d = 0, j = 0; d < rank; d++) {
                if (d != axis) {
                    outShape[j++] = shape[d];
                }
            }
        }
        return Tensor.ofLongs(IntegerType.I64, outShape, out);
    }

    /**
     * How much better candidate a is than b (positive: better). NaN beats every number for both
     * ArgMax and ArgMin, as numpy's argmax/argmin pick the first NaN; -0.0 equals 0.0.
     */
    private static int compareDoubles(double a, double b, boolean max) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) == Double.isNaN(b) ? 0 : Double.isNaN(a) ? 1 : -1;
        }
        int c = Double.compare(a == 0 ? 0.0 : a, b == 0 ? 0.0 : b);
        return max ? c : -c;
    }

    private static List<Type> inferArg(InferContext ctx) {
        TensorType x = ConstOperands.ranked(ctx, 0);
        if (x == null) {
            return Collections.singletonList(TensorType.unranked(IntegerType.I64));
        }
        int rank = x.rank();
        long ax = ctx.attrs().getInt("axis", 0);
        if (ax < -rank || ax >= rank) {
            return Collections.singletonList(null);
        }
        boolean[] reduced = new boolean[rank];
        reduced[(int) (ax < 0 ? ax + rank : ax)] = true;
        return List.of(new TensorType(IntegerType.I64, keptDims(x.dims(), reduced, ctx.attrs().getInt("keepdims", 1) != 0)));
    }
}
