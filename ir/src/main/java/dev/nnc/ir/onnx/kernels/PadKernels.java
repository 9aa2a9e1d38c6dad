package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Arrays;
import java.util.List;

/**
 * Border changes: {@code Pad} (constant/reflect/edge/wrap; pads as attribute before opset 11,
 * as input after; axes input from 18; negative pads crop) and {@code CenterCropPad}.
 */
public final class PadKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/pad.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Pad", ShapeVerifiers.oneOf("mode", "constant", "reflect", "edge", "wrap"), PadKernels::inferPad, ctx -> List.of(pad(ctx)));
        t.op("CenterCropPad", PadKernels::inferCenterCropPad, ctx -> List.of(centerCropPad(ctx)));
    }

    /** Pads for all axes as [begin..., end...], spreading the given pads over {@code axes}. */
    static long[] fullPads(long[] pads, long[] axes, int rank) {
        if (axes == null) {
            if (pads.length != 2 * rank) {
                throw new IllegalArgumentException("pads has " + pads.length + " entries for a rank-" + rank + " input");
            }
            return pads;
        }
        if (pads.length != 2 * axes.length) {
            throw new IllegalArgumentException("pads has " + pads.length + " entries for " + axes.length + " axes");
        }
        long[] full = new long[2 * rank];
        for (int i = 0; i < axes.length; i++) {
            int a = ShapeArgs.axisOrMinus1(axes[i], rank);
            if (a < 0) {
                throw new IllegalArgumentException("axis " + axes[i] + " out of range for rank " + rank);
            }
            full[a] = pads[i];
            full[a + rank] = pads[i + axes.length];
        }
        return full;
    }

    static int[] paddedShape(int[] in, long[] pads) {
        int r = in.length;
        int[] out = new int[r];
        for (int d = 0; d < r; d++) {
            long v = in[d] + pads[d] + pads[d + r];
            if (v < 0) {
                throw new IllegalArgumentException("pads " + Arrays.toString(pads) + " remove more than dimension " + d + " holds");
            }
            out[d] = Math.toIntExact(v);
        }
        return out;
    }

    /**
     * The input coordinate read by padded coordinate {@code o} on an axis of size d, or -1 (a
     * constant); {@code mode} is constant, edge, reflect or wrap. The CPU backend's Pad uses it too.
     */
    public static int source(String mode, long o, long begin, int d) {
        long i = o - begin;
        if (i >= 0 && i < d) {
            return (int) i;
        }
        if (d == 0) {
            return -1;
        }
        switch (mode) {
            case "edge":
                return (int) Math.max(0, Math.min(d - 1, i));
            case "reflect": {
                if (d == 1) {
                    return 0;
                }
                long period = 2L * (d - 1);
                long p = Math.floorMod(i, period);
                return (int) (p < d ? p : period - p);
            }
            case "wrap":
                return (int) Math.floorMod(i, (long) d);
            default:
                return -1;
        }
    }

    private static Tensor pad(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int r = x.rank();
        String mode = ctx.attrs().getString("mode", "constant");
        if (!List.of("constant", "reflect", "edge", "wrap").contains(mode)) {
            throw ctx.error("unknown pad mode '" + mode + "'");
        }
        long[] pads;
        Tensor fill;
        long[] axes = null;
        if (ctx.opset() < 11) {
            pads = ctx.attrs().getInts(ctx.opset() < 2 ? "paddings" : "pads", null);
            fill = x.isStrings() ? null : Tensor.scalar(x.elementType(), ctx.attrs().getFloat("value", 0));
        } else {
            pads = ShapeArgs.longs(ctx, 1);
            fill = ctx.hasInput(2) && ctx.input(2).size() > 0 ? ctx.input(2) : null;
            axes = ShapeArgs.longs(ctx, 3);
        }
        if (pads == null) {
            throw ctx.error("Pad needs pads");
        }
        try {
            long[] full = fullPads(pads, axes, r);
            int[] in = x.shape();
            int[] out = ShapeArgs.checkSize(ctx, paddedShape(in, full));
            int[][] maps = new int[r][];
            for (int d = 0; d < r; d++) {
                maps[d] = new int[out[d]];
                for (int o = 0; o < out[d]; o++) {
                    maps[d][o] = source(mode, o, full[d], in[d]);
                }
            }
            return TensorGather.gather(x, out, TensorGather.byAxisMaps(in, out, maps), fill);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
    }

    private static List<Type> inferPad(InferContext ctx) {
        TensorType x = ShapeArgs.fixed(ctx, 0);
        if (x == null) {
            return ShapeArgs.sameRank(ctx, 0);
        }
        long[] pads;
        long[] axes = null;
        if (ctx.opset() < 11) {
            pads = ctx.attrs().getInts(ctx.opset() < 2 ? "paddings" : "pads", null);
        } else {
            pads = ShapeArgs.constantLongs(ctx, 1);
            axes = ShapeArgs.constantLongs(ctx, 3);
            if (ShapeArgs.present(ctx, 3) && axes == null) {
                return ShapeArgs.sameRank(ctx, 0);
            }
        }
        if (pads == null) {
            return ShapeArgs.sameRank(ctx, 0);
        }
        try {
            return List.of(TensorType.of(x.elementType(), paddedShape(x.shape(), fullPads(pads, axes, x.rank()))));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return ShapeArgs.one(null);
        }
    }

    /** The target shape of CenterCropPad for every axis. */
    private static int[] cropPadShape(int[] in, long[] shape, long[] axes) {
        int r = in.length;
        int[] out = in.clone();
        int n = axes == null ? r : axes.length;
        if (shape.length != n) {
            throw new IllegalArgumentException("shape has " + shape.length + " entries for " + n + " axes");
        }
        for (int i = 0; i < n; i++) {
            int a = axes == null ? i : ShapeArgs.axisOrMinus1(axes[i], r);
            if (a < 0 || shape[i] < 0) {
                throw new IllegalArgumentException("invalid axis or size for CenterCropPad");
            }
            out[a] = Math.toIntExact(shape[i]);
        }
        return out;
    }

    private static Tensor centerCropPad(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] in = x.shape();
        int[] out;
        try {
            out = ShapeArgs.checkSize(ctx, cropPadShape(in, ctx.input(1).toLongs(), ctx.attrs().getInts("axes", null)));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
        int[][] maps = new int[in.length][];
        for (int d = 0; d < in.length; d++) {
            maps[d] = new int[out[d]];
            int shift = out[d] <= in[d] ? (in[d] - out[d]) / 2 : -((out[d] - in[d]) / 2);
            for (int o = 0; o < out[d]; o++) {
                int i = o + shift;
                maps[d][o] = i >= 0 && i < in[d] ? i : -1;
            }
        }
        return TensorGather.gather(x, out, TensorGather.byAxisMaps(in, out, maps));
    }

    private static List<Type> inferCenterCropPad(InferContext ctx) {
        TensorType x = ShapeArgs.fixed(ctx, 0);
        long[] shape = ShapeArgs.constantLongs(ctx, 1);
        if (x == null || shape == null) {
            return ShapeArgs.sameRank(ctx, 0);
        }
        try {
            return List.of(TensorType.of(x.elementType(), cropPadShape(x.shape(), shape, ctx.attrs().getInts("axes", null))));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return ShapeArgs.one(null);
        }
    }
}
