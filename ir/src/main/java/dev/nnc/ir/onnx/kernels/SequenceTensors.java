package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorSequence;
import dev.nnc.ir.type.IntegerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Converting between sequences and tensors: {@code ConcatFromSequence} and {@code SplitToSequence}. */
final class SequenceTensors {
    private SequenceTensors() {
    }

    /**
     * Joins the sequence's tensors along {@code axis}; with {@code new_axis = 1} they are stacked
     * on a new axis inserted at {@code axis} (which may then also be {@code rank}).
     */
    static Tensor concat(EvalContext ctx, TensorSequence seq) {
        if (seq.size() == 0) {
            throw ctx.error("cannot concatenate an empty sequence");
        }
        boolean newAxis = ctx.attrs().getInt("new_axis", 0) == 1;
        int r = seq.get(0).rank();
        int axis = ShapeArgs.axis(ctx, ctx.attrs().getInt("axis"), newAxis ? r + 1 : r);
        List<Tensor> items = new ArrayList<>();
        for (Tensor t : seq.tensors()) {
            if (newAxis) {
                int[] s = t.shape();
                int[] withOne = new int[s.length + 1];
                for (int d = 0, k = 0; d < withOne.length; d++) {
                    withOne[d] = d == axis ? 1 : s[k++];
                }
                t = t.reshape(withOne);
            }
            items.add(t);
        }
        return ConcatSplitKernels.concat(ctx, items, axis);
    }

    private static int[] dropAxis(int[] s, int axis) {
        int[] out = new int[s.length - 1];
        for (int d = 0, k = 0; d < s.length; d++) {
            if (d != axis) {
                out[k++] = s[d];
            }
        }
        return out;
    }

    /**
     * Splits input 0 along {@code axis}: into pieces of the sizes the 1-D {@code split} input
     * lists, into pieces of the scalar {@code split} size (the last may be shorter), or, without
     * {@code split}, into pieces of size 1 whose axis is removed when {@code keepdims = 0}.
     */
    static TensorSequence split(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] s = x.shape();
        if (s.length == 0) {
            throw ctx.error("cannot split a scalar");
        }
        int axis = ShapeArgs.axis(ctx, ctx.attrs().getInt("axis", 0), s.length);
        int dim = s[axis];
        Tensor split = ctx.input(1);
        long[] sizes;
        if (split == null) {
            sizes = new long[dim];
            Arrays.fill(sizes, 1);
        } else if (!(split.elementType() instanceof IntegerType) || split.rank() > 1) {
            throw ctx.error("split must be an integer scalar or 1-D tensor");
        } else if (split.rank() == 0) {
            long len = split.getLong(0);
            if (len <= 0) {
                throw ctx.error("split size must be positive, got " + len);
            }
            int pieces = (int) ((dim + len - 1) / len);
            sizes = new long[pieces];
            for (int i = 0; i < pieces; i++) {
                sizes[i] = Math.min(len, dim - i * len);
            }
        } else {
            sizes = split.toLongs();
            if (Arrays.stream(sizes).anyMatch(v -> v < 0) || Arrays.stream(sizes).sum() != dim) {
                throw ctx.error("split sizes " + Arrays.toString(sizes) + " do not add up to dimension " + dim);
            }
        }
        boolean squeeze = split == null && ctx.attrs().getInt("keepdims", 1) == 0;
        int[] strides = Shapes.strides(s);
        List<Tensor> out = new ArrayList<>();
        int start = 0;
        for (long size : sizes) {
            int[] os = s.clone();
            os[axis] = (int) size;
            Tensor piece = TensorGather.gather(x, os, Shapes.strided(os, strides, start * strides[axis]));
            out.add(squeeze ? piece.reshape(dropAxis(os, axis)) : piece);
            start += (int) size;
        }
        return new TensorSequence(x.elementType(), out);
    }
}
