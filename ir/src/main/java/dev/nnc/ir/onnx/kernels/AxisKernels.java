package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ops that walk one axis: {@code CumSum}/{@code CumProd} (running fold, optionally exclusive
 * and/or reversed) and {@code TopK} (k largest or smallest with their indices; equal values keep
 * the lower index first).
 */
public final class AxisKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/axis.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("CumSum", Infer::sameAsFirst, ctx -> List.of(cumulative(ctx, false)));
        t.op("CumProd", Infer::sameAsFirst, ctx -> List.of(cumulative(ctx, true)));
        t.op("TopK", AxisKernels::inferTopK, AxisKernels::topK);
    }

    private static int axis(EvalContext ctx, long a, int rank) {
        if (a < -rank || a >= rank) {
            throw ctx.error("axis " + a + " out of range for rank " + rank);
        }
        return (int) (a < 0 ? a + rank : a);
    }

    private static Tensor cumulative(EvalContext ctx, boolean product) {
        Tensor x = ctx.input(0);
        Tensor axisT = ctx.input(1);
        if (axisT.size() != 1) {
            throw ctx.error("axis input must hold one value, got " + axisT.size());
        }
        int axis = axis(ctx, axisT.getLong(0), x.rank());
        boolean exclusive = ctx.attrs().getInt("exclusive", 0) != 0;
        boolean reverse = ctx.attrs().getInt("reverse", 0) != 0;
        if (x.isStrings()) {
            throw ctx.error("cannot accumulate a string tensor");
        }
        int[] oi = ReduceLayout.outerInner(x.shape(), axis);
        int n = oi[1];
        double[] din = x.isDoubles() ? x.doubles() : null;
        long[] lin = x.isLongs() ? x.longs() : null;
        double[] dout = din != null ? new double[din.length] : null;
        long[] lout = lin != null ? new long[lin.length] : null;
        for (int o = 0; o < oi[0]; o++) {
            for (int i = 0; i < oi[2]; i++) {
                double dacc = product ? 1 : 0;
                long lacc = product ? 1 : 0;
                for (int s = 0; s < n; s++) {
                    int at = (o * n + (reverse ? n - 1 - s : s)) * oi[2] + i;
                    // exclusive: write the fold of the elements before this one, then fold it in
                    if (din != null) {
                        double next = product ? dacc * din[at] : dacc + din[at];
                        dout[at] = exclusive ? dacc : next;
                        dacc = next;
                    } else {
                        long next = product ? lacc * lin[at] : lacc + lin[at];
                        lout[at] = exclusive ? lacc : next;
                        lacc = next;
                    }
                }
            }
        }
        return din != null ? Tensor.ofDoubles(x.elementType(), x.shape(), dout) : Tensor.ofLongs(x.elementType(), x.shape(), lout);
    }

    private static List<Tensor> topK(EvalContext ctx) {
        Tensor x = ctx.input(0);
        long k = ctx.hasInput(1) ? ctx.input(1).getLong(0) : ctx.attrs().getInt("k");
        int axis = axis(ctx, ctx.attrs().getInt("axis", -1), x.rank());
        boolean largest = ctx.attrs().getInt("largest", 1) != 0;
        int[] shape = x.shape();
        if (k < 0 || k > shape[axis]) {
            throw ctx.error("k = " + k + " outside [0, " + shape[axis] + "] for axis " + axis);
        }
        int[] oi = ReduceLayout.outerInner(shape, axis);
        int n = oi[1];
        int[] outShape = shape.clone();
        outShape[axis] = (int) k;
        int outSize = oi[0] * (int) k * oi[2];
        long[] idxOut = new long[outSize];
        double[] dOut = x.isDoubles() ? new double[outSize] : null;
        long[] lOut = x.isLongs() ? new long[outSize] : null;
        Comparator<Integer> byValue = valueOrder(x, largest);
        Integer[] order = new Integer[n];
        for (int o = 0; o < oi[0]; o++) {
            for (int i = 0; i < oi[2]; i++) {
                int base = o * n * oi[2] + i;
                for (int s = 0; s < n; s++) {
                    order[s] = base + s * oi[2];
                }
                Arrays.sort(order, byValue); // stable: ties keep the lower index first
                for (int s = 0; s < k; s++) {
                    int at = (o * (int) k + s) * oi[2] + i;
                    idxOut[at] = (order[s] - base) / oi[2];
                    if (dOut != null) {
                        dOut[at] = x.doubles()[order[s]];
                    } else {
                        lOut[at] = x.longs()[order[s]];
                    }
                }
            }
        }
        Tensor values = dOut != null ? Tensor.ofDoubles(x.elementType(), outShape, dOut)
                : Tensor.ofLongs(x.elementType(), outShape, lOut);
        return List.of(values, Tensor.ofLongs(IntegerType.I64, outShape, idxOut));
    }

    /** Orders flat positions by value: descending when largest, NaN counted as the largest value. */
    private static Comparator<Integer> valueOrder(Tensor x, boolean largest) {
        Comparator<Integer> asc;
        if (x.isDoubles()) {
            double[] d = x.doubles();
            asc = (p, q) -> Double.compare(d[p] == 0 ? 0.0 : d[p], d[q] == 0 ? 0.0 : d[q]);
        } else {
            long[] l = x.longs();
            boolean unsigned = x.elementType() instanceof IntegerType it && !it.signed();
            asc = (p, q) -> Reducer.compare(l[p], l[q], unsigned);
        }
        return largest ? asc.reversed() : asc;
    }

    private static List<Type> inferTopK(InferContext ctx) {
        TensorType x = ConstOperands.ranked(ctx, 0);
        if (x == null) {
            return Infer.unknown(2);
        }
        int rank = x.rank();
        long a = ctx.attrs().getInt("axis", -1);
        if (a < -rank || a >= rank) {
            return Infer.unknown(2);
        }
        Dim kDim = Dim.symbol("");
        Tensor kT = ConstOperands.value(ctx, 1);
        if (kT != null && kT.size() == 1) {
            kDim = Dim.of(kT.getLong(0));
        } else if (!ConstOperands.present(ctx, 1) && ctx.attrs().get("k") != null) {
            kDim = Dim.of(ctx.attrs().getInt("k"));
        }
        List<Dim> dims = new ArrayList<>(x.dims());
        dims.set((int) (a < 0 ? a + rank : a), kDim);
        return List.of(new TensorType(x.elementType(), dims), new TensorType(IntegerType.I64, dims));
    }
}
