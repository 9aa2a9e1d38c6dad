package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code Concat} and its inverse {@code Split} (split sizes from input, attribute or num_outputs). */
public final class ConcatSplitKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/concat_split.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Concat", ShapeVerifiers.axis("axis", 0, 0), ConcatSplitKernels::inferConcat, ctx -> List.of(concat(ctx)));
        t.op("Split", ShapeVerifiers.axis("axis", 0, 0), ConcatSplitKernels::inferSplit, ConcatSplitKernels::split);
    }

    private static Tensor concat(EvalContext ctx) {
        List<Tensor> ins = ctx.inputs();
        if (ctx.attrs().get("axis") == null && ctx.opset() >= 4) {
            throw ctx.error("Concat needs attribute 'axis'");
        }
        return concat(ctx, ins, ShapeArgs.axis(ctx, ctx.attrs().getInt("axis", 1), ins.get(0).rank()));
    }

    /** Joins {@code ins} (same rank and element type, equal but for {@code axis}) along {@code axis}; also ConcatFromSequence's. */
    static Tensor concat(EvalContext ctx, List<Tensor> ins, int axis) {
        Tensor first = ins.get(0);
        int r = first.rank();
        int[] out = first.shape();
        out[axis] = 0;
        for (Tensor t : ins) {
            int[] s = t.shape();
            for (int d = 0; d < r; d++) {
                if (s.length != r || d != axis && s[d] != out[d]) {
                    throw ctx.error("inputs of shapes " + Arrays.toString(first.shape()) + " and " + Arrays.toString(s)
                            + " cannot be concatenated on axis " + axis);
                }
            }
            if (!t.elementType().equals(first.elementType())) {
                throw ctx.error("inputs have different element types");
            }
            out[axis] += s[axis];
        }
        int outer = (int) Shapes.size(Arrays.copyOfRange(out, 0, axis));
        int inner = (int) Shapes.size(Arrays.copyOfRange(out, axis + 1, r));
        int n = (int) Shapes.size(out);
        int[] which = new int[n];
        int[] idx = new int[n];
        int k = 0;
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < ins.size(); j++) {
                int block = ins.get(j).dim(axis) * inner;
                for (int e = 0; e < block; e++) {
                    which[k] = j;
                    idx[k++] = o * block + e;
                }
            }
        }
        return TensorGather.gatherMany(ins, out, which, idx);
    }

    private static List<Type> inferConcat(InferContext ctx) {
        TensorType first = ShapeArgs.ranked(ctx, 0);
        if (first == null) {
            return ShapeArgs.one(null);
        }
        int r = first.rank();
        int axis = ShapeArgs.axisOrMinus1(ctx.attrs().getInt("axis", 1), r);
        if (axis < 0) {
            return ShapeArgs.one(null);
        }
        List<Dim> out = new ArrayList<>(first.dims());
        long sum = 0;
        for (int i = 0; i < ctx.operandTypes().size(); i++) {
            TensorType t = ShapeArgs.ranked(ctx, i);
            if (t == null || t.rank() != r) {
                return ShapeArgs.one(null);
            }
            if (t.dims().get(axis) instanceof Dim.Known k && sum >= 0) {
                sum += k.size();
            } else {
                sum = -1;
            }
            for (int d = 0; d < r; d++) {
                if (d != axis && out.get(d) instanceof Dim.Symbolic && t.dims().get(d) instanceof Dim.Known) {
                    out.set(d, t.dims().get(d));
                }
            }
        }
        out.set(axis, sum >= 0 ? Dim.of(sum) : Dim.symbol(""));
        return List.of(new TensorType(first.elementType(), out));
    }

    /**
     * The sizes of the parts: the split input or attribute, else num_outputs parts of
     * ceil(dim / n) with a smaller last one (opset 18), else equal parts. Null when unknown.
     */
    /** ONNX requires {@code num_outputs}, when set, to be the node's output count; null when it is. */
    private static String numOutputsProblem(long numOutputsAttr, int outputs) {
        return numOutputsAttr != 0 && numOutputsAttr != outputs
                ? "num_outputs = " + numOutputsAttr + " but the node has " + outputs + " outputs" : null;
    }

    private static long[] splitSizes(long[] split, long numOutputsAttr, int outputs, int dim) {
        if (split != null) {
            return split;
        }
        long[] sizes = new long[outputs];
        if (numOutputsAttr > 0) {
            long chunk = (dim + numOutputsAttr - 1) / numOutputsAttr;
            long left = dim;
            for (int i = 0; i < outputs; i++) {
                sizes[i] = Math.max(0, Math.min(chunk, left));
                left -= sizes[i];
            }
            return sizes;
        }
        if (dim % outputs != 0) {
            return null;
        }
        Arrays.fill(sizes, dim / outputs);
        return sizes;
    }

    private static List<Tensor> split(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] s = x.shape();
        int axis = ShapeArgs.axis(ctx, ctx.attrs().getInt("axis", 0), s.length);
        long[] split = ShapeArgs.attrOrInput(ctx, "split", 1, 13);
        int outputs = ctx.numOutputs();
        String problem = numOutputsProblem(ctx.attrs().getInt("num_outputs", 0), outputs);
        if (problem != null) {
            throw ctx.error(problem);
        }
        long[] sizes = splitSizes(split, ctx.attrs().getInt("num_outputs", 0), outputs, s[axis]);
        if (sizes == null || sizes.length != outputs || Arrays.stream(sizes).sum() != s[axis]
                || Arrays.stream(sizes).anyMatch(v -> v < 0)) {
            throw ctx.error("cannot split dimension " + s[axis] + " into " + outputs + " parts"
                    + (sizes == null ? "" : " of sizes " + Arrays.toString(sizes)));
        }
        int[] strides = Shapes.strides(s);
        List<Tensor> outs = new ArrayList<>();
        int start = 0;
        for (long size : sizes) {
            int[] os = s.clone();
            os[axis] = (int) size;
            outs.add(TensorGather.gather(x, os, Shapes.strided(os, strides, start * strides[axis])));
            start += (int) size;
        }
        return outs;
    }

    private static List<Type> inferSplit(InferContext ctx) {
        int outputs = ctx.op().numResults();
        String problem = numOutputsProblem(ctx.attrs().getInt("num_outputs", 0), outputs);
        if (problem != null) {
            throw new NncException(ctx.op().location(), ctx.op().name() + ": " + problem);
        }
        TensorType x = ShapeArgs.fixed(ctx, 0);
        if (x == null) {
            return Infer.unknown(outputs);
        }
        int[] s = x.shape();
        int axis = ShapeArgs.axisOrMinus1(ctx.attrs().getInt("axis", 0), s.length);
        boolean hasSplit = ctx.opset() >= 13 ? ShapeArgs.present(ctx, 1) : ctx.attrs().get("split") != null;
        long[] split = ShapeArgs.attrOrConstant(ctx, "split", 1, 13);
        if (axis < 0 || hasSplit && split == null) {
            List<Type> same = new ArrayList<>();
            for (int i = 0; i < outputs; i++) {
                same.add(ShapeArgs.ofRank(x.elementType(), x.rank()));
            }
            return same;
        }
        long[] sizes = splitSizes(split, ctx.attrs().getInt("num_outputs", 0), outputs, s[axis]);
        if (sizes == null || sizes.length != outputs) {
            return Infer.unknown(outputs);
        }
        List<Type> out = new ArrayList<>();
        for (long size : sizes) {
            int[] os = s.clone();
            os[axis] = (int) size;
            out.add(TensorType.of(x.elementType(), os));
        }
        return out;
    }
}
