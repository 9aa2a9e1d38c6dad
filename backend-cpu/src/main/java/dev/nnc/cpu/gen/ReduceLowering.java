package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Reduce* ops as one runtime call over an [outer, n, inner] view: unit dims are ignored, and
 * the reduced axes form one contiguous block (trailing axes, spatial axes, all axes) or are first
 * grouped by a permuting copy. Axes come from the attribute (older opsets) or a constant operand.
 */
final class ReduceLowering implements OpLowering {
    static final Map<String, String> KINDS = Map.of("ReduceSum", "SUM", "ReduceMean", "MEAN", "ReduceMax", "MAX",
            "ReduceMin", "MIN", "ReduceProd", "PROD", "ReduceL1", "L1", "ReduceL2", "L2", "ReduceLogSum", "LOG_SUM",
            "ReduceLogSumExp", "LOG_SUM_EXP", "ReduceSumSquare", "SUM_SQUARE");

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        if (ctx.attrs(op).getInts("axes", null) == null && op.numOperands() > 1 && op.operand(1).type() != NoneType.NONE
                && ctx.constant(op.operand(1)) == null) {
            reduceRunTimeAxes(op, ctx, xs);
            return;
        }
        boolean[] reduced = reducedAxes(op, ctx, xs.length);
        int first = -1;
        int last = -1;
        for (int d = 0; d < xs.length; d++) {
            if (reduced[d] && xs[d] != 1) {
                if (first >= 0 && hasKeptBetween(xs, reduced, last, d)) {
                    reduceScattered(op, ctx, xs, reduced);
                    return;
                }
                first = first < 0 ? d : first;
                last = d;
            }
        }
        int outer;
        int n;
        int inner;
        if (first < 0) {
            outer = Math.toIntExact(LinearLowering.product(xs));
            n = 1;
            inner = 1;
        } else {
            outer = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, 0, first)));
            n = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, first, last + 1)));
            inner = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, last + 1, xs.length)));
        }
        String x = ctx.read(op.operand(0), op);
        String y = ctx.write(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(reduce(op, x, y, outer, n, inner))));
    }

    /**
     * Reduced axes with kept ones between them: the input is first permuted into scratch as
     * [kept axes..., reduced axes...] (kept order unchanged, so the result's layout is too), then
     * reduced as [outer, n, 1].
     */
    private static void reduceScattered(Operation op, LoweringContext ctx, int[] xs, boolean[] reduced) {
        int[] strides = Shapes.strides(xs);
        List<Integer> shape = new ArrayList<>();
        List<Integer> inStrides = new ArrayList<>();
        int outer = 1;
        int n = 1;
        for (boolean wantReduced : new boolean[] {false, true}) {
            for (int d = 0; d < xs.length; d++) {
                if (reduced[d] == wantReduced) {
                    shape.add(xs[d]);
                    inStrides.add(strides[d]);
                    if (wantReduced) {
                        n *= xs[d];
                    } else {
                        outer *= xs[d];
                    }
                }
            }
        }
        String shapeName = ctx.staticName(op, "shape");
        String stridesName = ctx.staticName(op, "strides");
        ctx.addStatic(new IntsField(shapeName, shape));
        ctx.addStatic(new IntsField(stridesName, inStrides));
        String x = ctx.read(op.operand(0), op);
        String y = ctx.write(op.result(0), op);
        String grouped = ctx.scratch(op, outer * n);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(
                new Call("Transpose.permute", List.of(x, grouped, shapeName, stridesName)),
                reduce(op, grouped, y, outer, n, 1))));
    }

    /** Axes given as a model input: the runtime groups and folds them on every run. */
    private static void reduceRunTimeAxes(Operation op, LoweringContext ctx, int[] xs) {
        if (!(op.operand(1).type() instanceof dev.nnc.ir.type.TensorType t) || !t.elementType().equals(dev.nnc.ir.type.IntegerType.I64)) {
            throw ctx.unsupported(op, "axes must be i64");
        }
        String shapeName = ctx.staticName(op, "shape");
        ctx.addStatic(new IntsField(shapeName, Arrays.stream(xs).boxed().toList()));
        String x = ctx.read(op.operand(0), op);
        String axes = ctx.readTyped(op.operand(1), op);
        String y = ctx.write(op.result(0), op);
        String scratch = ctx.scratch(op, Math.toIntExact(LinearLowering.product(xs)));
        boolean noop = ctx.attrs(op).getInt("noop_with_empty_axes", 0) != 0;
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("Reduce.applyAxes",
                List.of("Reduce.Kind." + KINDS.get(op.opName()), x, y, shapeName, axes, noop, scratch)))));
    }

    private static Call reduce(Operation op, String x, String y, int outer, int n, int inner) {
        return new Call("Reduce.apply", List.of("Reduce.Kind." + KINDS.get(op.opName()), x, y, outer, n, inner));
    }

    /** A non-reduced axis of size > 1 between two reduced ones breaks the block. */
    private static boolean hasKeptBetween(int[] xs, boolean[] reduced, int from, int to) {
        for (int d = from + 1; d < to; d++) {
            if (!reduced[d] && xs[d] != 1) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] reducedAxes(Operation op, LoweringContext ctx, int rank) {
        OpAttributes a = ctx.attrs(op);
        long[] axes = a.getInts("axes", null);
        if (axes == null && op.numOperands() > 1 && op.operand(1).type() != NoneType.NONE) {
            Tensor t = ctx.constant(op.operand(1));
            if (t == null) {
                throw ctx.unsupported(op, "axes must be a constant");
            }
            axes = t.toLongs();
        }
        boolean[] reduced = new boolean[rank];
        if (axes == null || axes.length == 0) {
            Arrays.fill(reduced, a.getInt("noop_with_empty_axes", 0) == 0);
            return reduced;
        }
        for (long ax : axes) {
            reduced[(int) (ax < 0 ? ax + rank : ax)] = true;
        }
        return reduced;
    }
}
