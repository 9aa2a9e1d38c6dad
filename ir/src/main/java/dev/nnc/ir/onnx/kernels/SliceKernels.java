package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Strided views and repetitions: {@code Slice} (attributes before opset 10, inputs after;
 * negative steps; clamped bounds), {@code Expand} (bidirectional broadcast) and {@code Tile}.
 */
public final class SliceKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/slice.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Slice", SliceKernels::inferSlice, ctx -> List.of(slice(ctx)));
        t.op("Expand", SliceKernels::inferExpand, ctx -> List.of(expand(ctx)));
        t.op("Tile", SliceKernels::inferTile, ctx -> List.of(tile(ctx)));
    }

    /** A slice resolved against a shape: output shape, source strides and start offset. */
    record View(int[] shape, int[] strides, int offset) {
    }

    /**
     * Resolves starts/ends/axes/steps against {@code in} with the clamping the operator text
     * specifies (start to [0, d] or, stepping backwards, [0, d-1]; end to [0, d] or [-1, d-1]).
     * The numpy-based reference differs only for a backward start below -d, which it treats as
     * empty; we follow the operator text, as ONNX Runtime does. Throws IllegalArgumentException
     * when the arguments are invalid.
     */
    static View resolve(int[] in, long[] starts, long[] ends, long[] axes, long[] steps) {
        int r = in.length;
        if (starts.length != ends.length || axes != null && axes.length != starts.length
                || steps != null && steps.length != starts.length) {
            throw new IllegalArgumentException("starts, ends, axes and steps must have equal lengths");
        }
        int[] inStrides = Shapes.strides(in);
        int[] out = in.clone();
        int[] strides = inStrides.clone();
        boolean[] seen = new boolean[r];
        long offset = 0;
        for (int i = 0; i < starts.length; i++) {
            int a = ShapeArgs.axisOrMinus1(axes == null ? i : axes[i], r);
            if (a < 0 || seen[a]) {
                throw new IllegalArgumentException("invalid or repeated axis " + (axes == null ? i : axes[i]));
            }
            seen[a] = true;
            long step = steps == null ? 1 : steps[i];
            if (step == 0) {
                throw new IllegalArgumentException("step must not be 0");
            }
            long d = in[a];
            long s = starts[i] < 0 ? starts[i] + d : starts[i];
            long e = ends[i] < 0 ? ends[i] + d : ends[i];
            long count;
            if (d == 0) {
                count = 0;
            } else if (step > 0) {
                s = clamp(s, 0, d);
                e = clamp(e, 0, d);
                count = e > s ? (e - s - 1) / step + 1 : 0;
            } else {
                s = clamp(s, 0, d - 1);
                e = clamp(e, -1, d - 1);
                count = s > e ? (s - e - 1) / -step + 1 : 0;
            }
            out[a] = (int) count;
            strides[a] = (int) (inStrides[a] * step);
            if (count > 0) {
                offset += s * inStrides[a];
            }
        }
        return new View(out, strides, (int) offset);
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Slice's four arguments: attributes before opset 10, inputs 1-4 after (null = absent or unknown). */
    private record Args(long[] starts, long[] ends, long[] axes, long[] steps) {
        static Args of(int opset, OpAttributes attrs, IntFunction<long[]> input) {
            if (opset < 10) {
                return new Args(attrs.getInts("starts", null), attrs.getInts("ends", null), attrs.getInts("axes", null), null);
            }
            return new Args(input.apply(1), input.apply(2), input.apply(3), input.apply(4));
        }

        View resolve(int[] in) {
            return SliceKernels.resolve(in, starts, ends, axes, steps);
        }
    }

    private static Tensor slice(EvalContext ctx) {
        Tensor x = ctx.input(0);
        Args a = Args.of(ctx.opset(), ctx.attrs(), i -> ShapeArgs.longs(ctx, i));
        if (a.starts() == null || a.ends() == null) {
            throw ctx.error("Slice needs starts and ends");
        }
        try {
            View v = a.resolve(x.shape());
            return TensorGather.gather(x, v.shape(), Shapes.strided(v.shape(), v.strides(), v.offset()));
        } catch (IllegalArgumentException e) {
            throw ctx.error(e.getMessage());
        }
    }

    private static List<Type> inferSlice(InferContext ctx) {
        TensorType x = ShapeArgs.fixed(ctx, 0);
        if (x == null) {
            return ShapeArgs.sameRank(ctx, 0);
        }
        Args a = Args.of(ctx.opset(), ctx.attrs(), i -> ShapeArgs.constantLongs(ctx, i));
        boolean unknownOptional = ctx.opset() >= 10 && (ShapeArgs.present(ctx, 3) && a.axes() == null
                || ShapeArgs.present(ctx, 4) && a.steps() == null);
        if (a.starts() == null || a.ends() == null || unknownOptional) {
            return ShapeArgs.sameRank(ctx, 0);
        }
        try {
            return List.of(TensorType.of(x.elementType(), a.resolve(x.shape()).shape()));
        } catch (IllegalArgumentException e) {
            return ShapeArgs.one(null);
        }
    }

    private static Tensor expand(EvalContext ctx) {
        Tensor x = ctx.input(0);
        long[] target = ctx.input(1).toLongs();
        int[] out = Shapes.broadcast(x.shape(), ShapeArgs.toShape(ctx, target));
        if (out == null) {
            throw ctx.error("cannot expand " + Arrays.toString(x.shape()) + " to " + Arrays.toString(target));
        }
        return TensorGather.gather(x, out, Shapes.broadcastIndex(x.shape(), ShapeArgs.checkSize(ctx, out)));
    }

    private static List<Type> inferExpand(InferContext ctx) {
        TensorType x = ShapeArgs.fixed(ctx, 0);
        long[] target = ShapeArgs.constantLongs(ctx, 1);
        if (x == null || target == null || Arrays.stream(target).anyMatch(v -> v < 0 || v > Integer.MAX_VALUE)) {
            int n = target != null ? target.length : ShapeArgs.length(ctx, 1);
            int r = ShapeArgs.rank(ctx, 0);
            return ShapeArgs.one(n < 0 || r < 0 ? null : ShapeArgs.ofRank(ShapeArgs.element(ctx, 0), Math.max(r, n)));
        }
        int[] out = Shapes.broadcast(x.shape(), Arrays.stream(target).mapToInt(v -> (int) v).toArray());
        return ShapeArgs.one(out == null ? null : TensorType.of(x.elementType(), out));
    }

    private static int[] tiledShape(int[] in, long[] repeats) {
        if (repeats.length != in.length) {
            throw new IllegalArgumentException("repeats has " + repeats.length + " entries for a rank-" + in.length + " input");
        }
        int[] out = new int[in.length];
        for (int d = 0; d < in.length; d++) {
            if (repeats[d] < 0) {
                throw new IllegalArgumentException("negative repeat " + repeats[d]);
            }
            long n = Math.multiplyExact((long) in[d], repeats[d]);
            if (n > Shapes.maxElements()) {
                throw new IllegalArgumentException("result dimension " + n + " is more than the limit " + Shapes.maxElements()
                        + " (" + Shapes.MAX_ELEMENTS_PROPERTY + ")");
            }
            out[d] = (int) n;
        }
        return out;
    }

    private static Tensor tile(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] in = x.shape();
        int[] out;
        try {
            out = tiledShape(in, ctx.opset() < 6 ? legacyRepeats(ctx, in.length) : ctx.input(1).toLongs());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
        int[] inStrides = Shapes.strides(in);
        int n = (int) Shapes.size(ShapeArgs.checkSize(ctx, out));
        int[] idx = new int[n];
        int[] m = new int[out.length];
        for (int i = 0; i < n; i++) {
            int src = 0;
            for (int d = 0; d < out.length; d++) {
                src += (m[d] % in[d]) * inStrides[d];
            }
            idx[i] = src;
            for (int d = out.length - 1; d >= 0; d--) {
                if (++m[d] < out[d]) {
                    break;
                }
                m[d] = 0;
            }
        }
        return TensorGather.gather(x, out, idx);
    }

    /** Tile before opset 6 took a scalar count and an axis as inputs. */
    private static long[] legacyRepeats(EvalContext ctx, int rank) {
        long[] reps = new long[rank];
        Arrays.fill(reps, 1);
        if (!ctx.hasInput(2)) {
            throw ctx.error("Tile before opset 6 needs the axis input");
        }
        reps[ShapeArgs.axis(ctx, ctx.input(2).getLong(0), rank)] = ctx.input(1).getLong(0);
        return reps;
    }

    private static List<Type> inferTile(InferContext ctx) {
        TensorType x = ShapeArgs.fixed(ctx, 0);
        long[] repeats = ShapeArgs.constantLongs(ctx, 1);
        if (x == null || repeats == null || ctx.opset() < 6) {
            return ShapeArgs.sameRank(ctx, 0);
        }
        try {
            return List.of(TensorType.of(x.elementType(), tiledShape(x.shape(), repeats)));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return ShapeArgs.one(null);
        }
    }
}
