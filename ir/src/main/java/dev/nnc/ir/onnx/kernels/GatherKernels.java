package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Indexed reads: {@code Gather}, {@code GatherElements}, {@code GatherND} (with batch_dims), and
 * the data-dependent selections {@code Compress} and {@code NonZero}.
 */
public final class GatherKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/gather.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Gather", ShapeVerifiers.axis("axis", 0, 0), GatherKernels::inferGather, ctx -> List.of(gather(ctx)));
        t.op("GatherElements", ShapeVerifiers.axis("axis", 0, 0), GatherKernels::inferGatherElements, ctx -> List.of(gatherElements(ctx)));
        t.op("GatherND", GatherKernels::inferGatherNd, ctx -> List.of(gatherNd(ctx)));
        t.op("Compress", ShapeVerifiers.axis("axis", 0, 0), ctx -> ctx.attrs().get("axis") == null ? ShapeArgs.one(ShapeArgs.ofRank(ShapeArgs.element(ctx, 0), 1))
                : ShapeArgs.sameRank(ctx, 0), ctx -> List.of(compress(ctx)));
        t.op("NonZero", GatherKernels::inferNonZero, ctx -> List.of(nonZero(ctx)));
    }

    /** An index checked against [-size, size) and made non-negative. */
    static int index(EvalContext ctx, long i, int size) {
        if (i < -size || i >= size) {
            throw ctx.error("index " + i + " out of range [" + -size + ", " + (size - 1) + "]");
        }
        return (int) (i < 0 ? i + size : i);
    }

    private static Tensor gather(EvalContext ctx) {
        Tensor data = ctx.input(0);
        Tensor indices = ctx.input(1);
        int[] ds = data.shape();
        int axis = ShapeArgs.axis(ctx, ctx.attrs().getInt("axis", 0), ds.length);
        int outer = (int) Shapes.size(Arrays.copyOfRange(ds, 0, axis));
        int inner = (int) Shapes.size(Arrays.copyOfRange(ds, axis + 1, ds.length));
        long[] ix = indices.toLongs();
        int[] out = concat(Arrays.copyOfRange(ds, 0, axis), indices.shape(), Arrays.copyOfRange(ds, axis + 1, ds.length));
        int[] idx = new int[(int) Shapes.size(out)];
        int k = 0;
        for (int o = 0; o < outer; o++) {
            for (long raw : ix) {
                int base = (o * ds[axis] + index(ctx, raw, ds[axis])) * inner;
                for (int e = 0; e < inner; e++) {
                    idx[k++] = base + e;
                }
            }
        }
        return TensorGather.gather(data, out, idx);
    }

    static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    private static List<Type> inferGather(InferContext ctx) {
        TensorType data = ShapeArgs.ranked(ctx, 0);
        TensorType indices = ShapeArgs.ranked(ctx, 1);
        if (data == null || indices == null) {
            return ShapeArgs.one(null);
        }
        int axis = ShapeArgs.axisOrMinus1(ctx.attrs().getInt("axis", 0), data.rank());
        if (axis < 0) {
            return ShapeArgs.one(null);
        }
        List<Dim> out = new ArrayList<>(data.dims().subList(0, axis));
        out.addAll(indices.dims());
        out.addAll(data.dims().subList(axis + 1, data.rank()));
        return List.of(new TensorType(data.elementType(), out));
    }

    private static Tensor gatherElements(EvalContext ctx) {
        Tensor data = ctx.input(0);
        Tensor indices = ctx.input(1);
        int[] ds = data.shape();
        int axis = ShapeArgs.axis(ctx, ctx.attrs().getInt("axis", 0), ds.length);
        if (indices.rank() != ds.length) {
            throw ctx.error("indices rank " + indices.rank() + " differs from data rank " + ds.length);
        }
        return TensorGather.gather(data, indices.shape(), elementIndices(ctx, ds, indices, axis));
    }

    /**
     * For GatherElements and ScatterElements: the flat data index of each element of
     * {@code indices}, i.e. its own position with the coordinate on {@code axis} replaced by its value.
     */
    static int[] elementIndices(EvalContext ctx, int[] dataShape, Tensor indices, int axis) {
        int[] is = indices.shape();
        int[] strides = Shapes.strides(dataShape);
        long[] ix = indices.toLongs();
        int[] idx = new int[ix.length];
        for (int i = 0; i < ix.length; i++) {
            int[] m = TensorGather.unravel(i, is);
            m[axis] = index(ctx, ix[i], dataShape[axis]);
            idx[i] = TensorGather.ravel(m, strides);
        }
        return idx;
    }

    private static List<Type> inferGatherElements(InferContext ctx) {
        TensorType data = ShapeArgs.ranked(ctx, 0);
        TensorType indices = ShapeArgs.ranked(ctx, 1);
        return ShapeArgs.one(data == null || indices == null ? null : indices.withElementType(data.elementType()));
    }

    private static Tensor gatherNd(EvalContext ctx) {
        Tensor data = ctx.input(0);
        Tensor indices = ctx.input(1);
        int[] ds = data.shape();
        int[] is = indices.shape();
        int b = ctx.attrs().getInt32("batch_dims", 0);
        int k = is.length == 0 ? -1 : is[is.length - 1];
        if (b < 0 || is.length < 1 || b >= is.length || b + k > ds.length
                || !Arrays.equals(Arrays.copyOf(ds, b), Arrays.copyOf(is, b))) {
            throw ctx.error("indices of shape " + Arrays.toString(is) + " do not fit data of shape "
                    + Arrays.toString(ds) + " with batch_dims " + b);
        }
        int[] out = concat(Arrays.copyOf(is, is.length - 1), Arrays.copyOfRange(ds, b + k, ds.length));
        int[] strides = Shapes.strides(ds);
        int slice = (int) Shapes.size(Arrays.copyOfRange(ds, b + k, ds.length));
        int tuples = (int) Shapes.size(Arrays.copyOf(is, is.length - 1));
        int perBatch = (int) Shapes.size(Arrays.copyOfRange(is, b, is.length - 1));
        int batchStride = (int) Shapes.size(Arrays.copyOfRange(ds, b, ds.length));
        long[] ix = indices.toLongs();
        int[] idx = new int[(int) Shapes.size(out)];
        int w = 0;
        for (int t = 0; t < tuples; t++) {
            int base = (perBatch == 0 ? 0 : t / perBatch) * batchStride;
            for (int j = 0; j < k; j++) {
                base += index(ctx, ix[t * k + j], ds[b + j]) * strides[b + j];
            }
            for (int e = 0; e < slice; e++) {
                idx[w++] = base + e;
            }
        }
        return TensorGather.gather(data, out, idx);
    }

    private static List<Type> inferGatherNd(InferContext ctx) {
        TensorType data = ShapeArgs.fixed(ctx, 0);
        TensorType indices = ShapeArgs.fixed(ctx, 1);
        if (data == null || indices == null || indices.rank() < 1) {
            return ShapeArgs.one(null);
        }
        int[] ds = data.shape();
        int[] is = indices.shape();
        int b = ctx.attrs().getInt32("batch_dims", 0);
        int k = is[is.length - 1];
        if (b < 0 || b + k > ds.length) {
            return ShapeArgs.one(null);
        }
        return List.of(TensorType.of(data.elementType(),
                concat(Arrays.copyOf(is, is.length - 1), Arrays.copyOfRange(ds, b + k, ds.length))));
    }

    private static Tensor compress(EvalContext ctx) {
        Tensor x = ctx.input(0);
        long[] cond = ctx.input(1).toLongs();
        boolean flat = ctx.attrs().get("axis") == null;
        Tensor src = flat ? x.reshape(new int[] {x.size()}) : x;
        int[] s = src.shape();
        int axis = ShapeArgs.axis(ctx, flat ? 0 : ctx.attrs().getInt("axis"), s.length);
        if (cond.length > s[axis]) {
            throw ctx.error("condition has " + cond.length + " entries for an axis of size " + s[axis]);
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < cond.length; i++) {
            if (cond[i] != 0) {
                kept.add(i);
            }
        }
        int outer = (int) Shapes.size(Arrays.copyOf(s, axis));
        int inner = (int) Shapes.size(Arrays.copyOfRange(s, axis + 1, s.length));
        int[] out = s.clone();
        out[axis] = kept.size();
        int[] idx = new int[(int) Shapes.size(out)];
        int w = 0;
        for (int o = 0; o < outer; o++) {
            for (int c : kept) {
                int base = (o * s[axis] + c) * inner;
                for (int e = 0; e < inner; e++) {
                    idx[w++] = base + e;
                }
            }
        }
        return TensorGather.gather(src, out, idx);
    }

    private static boolean nonZeroAt(Tensor x, int i) {
        if (x.isDoubles()) {
            return x.doubles()[i] != 0;
        }
        if (x.isLongs()) {
            return x.longs()[i] != 0;
        }
        return !x.strings()[i].isEmpty();
    }

    private static Tensor nonZero(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] s = x.rank() == 0 ? new int[] {1} : x.shape();
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            if (nonZeroAt(x, i)) {
                hits.add(i);
            }
        }
        int n = hits.size();
        long[] out = new long[s.length * n];
        for (int j = 0; j < n; j++) {
            int[] m = TensorGather.unravel(hits.get(j), s);
            for (int d = 0; d < s.length; d++) {
                out[d * n + j] = m[d];
            }
        }
        return Tensor.ofLongs(IntegerType.I64, new int[] {s.length, n}, out);
    }

    private static List<Type> inferNonZero(InferContext ctx) {
        TensorType x = ShapeArgs.ranked(ctx, 0);
        Dim rank = x == null ? Dim.symbol("") : Dim.of(Math.max(1, x.rank()));
        return List.of(new TensorType(IntegerType.I64, List.of(rank, Dim.symbol(""))));
    }
}
