package dev.nnc.ir.onnx.kernels;

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

/**
 * Ops that reorder elements by a fixed permutation: {@code Transpose}, {@code DepthToSpace},
 * {@code SpaceToDepth} (each a reshape-transpose-reshape) and {@code ReverseSequence}.
 */
public final class PermuteKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/permute.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Transpose", ShapeVerifiers.permutation(), PermuteKernels::inferTranspose, ctx -> List.of(transpose(ctx)));
        t.op("DepthToSpace", ShapeVerifiers.oneOf("mode", "DCR", "CRD"), ctx -> inferBlocks(ctx, true), ctx -> List.of(depthToSpace(ctx)));
        t.op("SpaceToDepth", ctx -> inferBlocks(ctx, false), ctx -> List.of(spaceToDepth(ctx)));
        t.op("ReverseSequence", Infer::sameAsFirst, ctx -> List.of(reverseSequence(ctx)));
    }

    /** The permutation attribute, defaulting to reversed axes; null when invalid. */
    private static int[] perm(long[] attr, int rank) {
        int[] p = new int[rank];
        if (attr == null) {
            for (int i = 0; i < rank; i++) {
                p[i] = rank - 1 - i;
            }
            return p;
        }
        if (attr.length != rank) {
            return null;
        }
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int a = ShapeArgs.axisOrMinus1(attr[i], rank);
            if (a < 0 || seen[a]) {
                return null;
            }
            seen[a] = true;
            p[i] = a;
        }
        return p;
    }

    private static Tensor transpose(EvalContext ctx) {
        Tensor x = ctx.input(0);
        long[] attr = ctx.attrs().getInts("perm", null);
        int[] p = perm(attr, x.rank());
        if (p == null) {
            throw ctx.error("invalid perm " + Arrays.toString(attr) + " for rank " + x.rank());
        }
        return TensorGather.transpose(x, p);
    }

    private static List<Type> inferTranspose(InferContext ctx) {
        TensorType x = ShapeArgs.ranked(ctx, 0);
        int[] p = x == null ? null : perm(ctx.attrs().getInts("perm", null), x.rank());
        if (p == null) {
            return ShapeArgs.one(null);
        }
        List<Dim> out = new ArrayList<>();
        for (int a : p) {
            out.add(x.dims().get(a));
        }
        return List.of(new TensorType(x.elementType(), out));
    }

    private static int blocksize(EvalContext ctx) {
        long b = ctx.attrs().getInt("blocksize");
        if (b <= 0) {
            throw ctx.error("blocksize must be positive, got " + b);
        }
        return (int) b;
    }

    private static Tensor depthToSpace(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int b = blocksize(ctx);
        if (x.rank() != 4 || x.dim(1) % (b * b) != 0) {
            throw ctx.error("DepthToSpace needs a rank-4 input with channels divisible by " + (b * b));
        }
        int n = x.dim(0);
        int c = x.dim(1) / (b * b);
        int h = x.dim(2);
        int w = x.dim(3);
        boolean crd = ctx.attrs().getString("mode", "DCR").equals("CRD");
        Tensor moved = crd
                ? TensorGather.transpose(x.reshape(new int[] {n, c, b, b, h, w}), new int[] {0, 1, 4, 2, 5, 3})
                : TensorGather.transpose(x.reshape(new int[] {n, b, b, c, h, w}), new int[] {0, 3, 4, 1, 5, 2});
        return moved.reshape(new int[] {n, c, h * b, w * b});
    }

    private static Tensor spaceToDepth(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int b = blocksize(ctx);
        if (x.rank() != 4 || x.dim(2) % b != 0 || x.dim(3) % b != 0) {
            throw ctx.error("SpaceToDepth needs a rank-4 input with height and width divisible by " + b);
        }
        int n = x.dim(0);
        int c = x.dim(1);
        int h = x.dim(2) / b;
        int w = x.dim(3) / b;
        Tensor moved = TensorGather.transpose(x.reshape(new int[] {n, c, h, b, w, b}), new int[] {0, 3, 5, 1, 2, 4});
        return moved.reshape(new int[] {n, c * b * b, h, w});
    }

    private static List<Type> inferBlocks(InferContext ctx, boolean toSpace) {
        TensorType x = ShapeArgs.fixed(ctx, 0);
        long b = ctx.attrs().getInt("blocksize", 0);
        if (x == null || x.rank() != 4 || b <= 0) {
            return ShapeArgs.one(null);
        }
        int[] s = x.shape();
        return toSpace
                ? List.of(TensorType.of(x.elementType(), s[0], s[1] / (b * b), s[2] * b, s[3] * b))
                : List.of(TensorType.of(x.elementType(), s[0], s[1] * b * b, s[2] / b, s[3] / b));
    }

    private static Tensor reverseSequence(EvalContext ctx) {
        Tensor x = ctx.input(0);
        long[] lens = ctx.input(1).toLongs();
        int[] s = x.shape();
        int timeAxis = ShapeArgs.axis(ctx, ctx.attrs().getInt("time_axis", 0), s.length);
        int batchAxis = ShapeArgs.axis(ctx, ctx.attrs().getInt("batch_axis", 1), s.length);
        if (timeAxis == batchAxis || lens.length != s[batchAxis]) {
            throw ctx.error("sequence_lens must have one entry per batch and time_axis differ from batch_axis");
        }
        int[] strides = Shapes.strides(s);
        int[] idx = new int[x.size()];
        for (int i = 0; i < idx.length; i++) {
            int[] m = TensorGather.unravel(i, s);
            long len = lens[m[batchAxis]];
            if (len < 0 || len > s[timeAxis]) {
                throw ctx.error("sequence length " + len + " out of range [0, " + s[timeAxis] + "]");
            }
            int t = m[timeAxis];
            int src = t < len ? (int) (len - 1 - t) : t;
            idx[i] = i + (src - t) * strides[timeAxis];
        }
        return TensorGather.gather(x, s, idx);
    }
}
