package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.Unsigned;
import java.util.Arrays;
import java.util.List;

/**
 * Indexed writes: {@code ScatterElements} (and its deprecated alias {@code Scatter}) and
 * {@code ScatterND}, with reduction none/add/mul/max/min, and {@code TensorScatter} (a KV-cache
 * write of a block per batch at a given offset, linear or circular). Updates apply in index order,
 * so with duplicate indices and no reduction the last one wins, as in the ONNX reference.
 */
public final class ScatterKernels implements KernelFamily {
    private static final OpVerifier REDUCTION = ShapeVerifiers.oneOf("reduction", "none", "add", "mul", "max", "min");

    @Override
    public String table() {
        return "kernels/scatter.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Scatter", ShapeVerifiers.axis("axis", 0, 0), Infer::sameAsFirst, ctx -> List.of(scatterElements(ctx)));
        t.op("ScatterElements", ShapeVerifiers.all(ShapeVerifiers.axis("axis", 0, 0), REDUCTION), Infer::sameAsFirst, ctx -> List.of(scatterElements(ctx)));
        t.op("ScatterND", REDUCTION, Infer::sameAsFirst, ctx -> List.of(scatterNd(ctx)));
        t.op("TensorScatter", ShapeVerifiers.all(ShapeVerifiers.axis("axis", 0, 0), ShapeVerifiers.oneOf("mode", "linear", "circular")), Infer::sameAsFirst, ctx -> List.of(tensorScatter(ctx)));
    }

    private static Tensor scatterElements(EvalContext ctx) {
        Tensor data = ctx.input(0);
        Tensor indices = ctx.input(1);
        Tensor updates = ctx.input(2);
        int[] ds = data.shape();
        int[] is = indices.shape();
        int axis = ShapeArgs.axis(ctx, ctx.attrs().getInt("axis", 0), ds.length);
        if (is.length != ds.length || !Arrays.equals(is, updates.shape())) {
            throw ctx.error("indices " + Arrays.toString(is) + " and updates " + Arrays.toString(updates.shape())
                    + " must have equal shapes of the rank of data " + Arrays.toString(ds));
        }
        return scatter(ctx, data, updates, GatherKernels.elementIndices(ctx, ds, indices, axis));
    }

    private static Tensor scatterNd(EvalContext ctx) {
        Tensor data = ctx.input(0);
        Tensor indices = ctx.input(1);
        Tensor updates = ctx.input(2);
        int[] ds = data.shape();
        int[] is = indices.shape();
        int k = is.length == 0 ? -1 : is[is.length - 1];
        int[] expected = k < 0 || k > ds.length ? null
                : GatherKernels.concat(Arrays.copyOf(is, is.length - 1), Arrays.copyOfRange(ds, k, ds.length));
        if (expected == null || !Arrays.equals(expected, updates.shape())) {
            throw ctx.error("indices " + Arrays.toString(is) + " and updates " + Arrays.toString(updates.shape())
                    + " do not fit data " + Arrays.toString(ds));
        }
        int[] strides = Shapes.strides(ds);
        int slice = (int) Shapes.size(Arrays.copyOfRange(ds, k, ds.length));
        int tuples = (int) Shapes.size(Arrays.copyOf(is, is.length - 1));
        long[] ix = indices.toLongs();
        int[] target = new int[updates.size()];
        int w = 0;
        for (int t = 0; t < tuples; t++) {
            int base = 0;
            for (int j = 0; j < k; j++) {
                base += GatherKernels.index(ctx, ix[t * k + j], ds[j]) * strides[j];
            }
            for (int e = 0; e < slice; e++) {
                target[w++] = base + e;
            }
        }
        return scatter(ctx, data, updates, target);
    }

    private static Tensor tensorScatter(EvalContext ctx) {
        Tensor cache = ctx.input(0);
        Tensor update = ctx.input(1);
        int[] cs = cache.shape();
        int[] us = update.shape();
        int axis = ShapeArgs.axis(ctx, ctx.attrs().getInt("axis", -2), cs.length);
        String mode = ctx.attrs().getString("mode", "linear");
        if (!mode.equals("linear") && !mode.equals("circular")) {
            throw ctx.error("unknown mode '" + mode + "'");
        }
        boolean fits = axis >= 1 && us.length == cs.length;
        for (int d = 0; fits && d < cs.length; d++) {
            fits = d == axis ? us[d] <= cs[d] : us[d] == cs[d];
        }
        if (!fits) {
            throw ctx.error("update " + Arrays.toString(us) + " does not fit cache " + Arrays.toString(cs) + " on axis " + axis);
        }
        long[] offsets = ctx.hasInput(2) ? ctx.input(2).toLongs() : new long[cs[0]];
        if (offsets.length != cs[0]) {
            throw ctx.error("write_indices needs one entry per batch (" + cs[0] + ")");
        }
        int[] strides = Shapes.strides(cs);
        int[] target = new int[update.size()];
        for (int i = 0; i < target.length; i++) {
            int[] m = TensorGather.unravel(i, us);
            long pos = offsets[m[0]] + m[axis];
            if (mode.equals("circular")) {
                pos = Math.floorMod(pos, (long) cs[axis]);
            } else if (pos < 0 || pos >= cs[axis]) {
                throw ctx.error("write position " + pos + " out of range [0, " + cs[axis] + ")");
            }
            m[axis] = (int) pos;
            target[i] = TensorGather.ravel(m, strides);
        }
        return scatter(ctx, cache, update, target);
    }

    /** Copies data and combines {@code updates[j]} into position {@code target[j]}, in order. */
    static Tensor scatter(EvalContext ctx, Tensor data, Tensor updates, int[] target) {
        String reduction = ctx.attrs().getString("reduction", "none");
        if (!List.of("none", "add", "mul", "max", "min").contains(reduction)) {
            throw ctx.error("unknown reduction '" + reduction + "'");
        }
        if (!updates.elementType().equals(data.elementType())) {
            throw ctx.error("updates must have the element type of data");
        }
        if (data.isDoubles()) {
            FloatType ft = (FloatType) data.elementType();
            double[] o = data.doubles().clone();
            double[] u = updates.doubles();
            for (int j = 0; j < target.length; j++) {
                o[target[j]] = ft.round(combine(reduction, o[target[j]], u[j]));
            }
            return Tensor.ofDoubles(ft, data.shape(), o);
        }
        if (data.isLongs()) {
            boolean unsigned64 = Unsigned.isU64(data.elementType());
            long[] o = data.longs().clone();
            long[] u = updates.longs();
            for (int j = 0; j < target.length; j++) {
                o[target[j]] = combine(reduction, o[target[j]], u[j], unsigned64);
            }
            return Tensor.ofLongs(data.elementType(), data.shape(), o);
        }
        if (!reduction.equals("none")) {
            throw ctx.error("reduction '" + reduction + "' is not defined for strings");
        }
        String[] o = data.strings().clone();
        String[] u = updates.strings();
        for (int j = 0; j < target.length; j++) {
            o[target[j]] = u[j];
        }
        return Tensor.ofStrings(data.shape(), o);
    }

    private static double combine(String reduction, double a, double b) {
        return switch (reduction) {
            case "add" -> a + b;
            case "mul" -> a * b;
            case "max" -> Math.max(a, b);
            case "min" -> Math.min(a, b);
            default -> b;
        };
    }

    private static long combine(String reduction, long a, long b, boolean unsigned) {
        return switch (reduction) {
            case "add" -> a + b;
            case "mul" -> a * b;
            case "max" -> (unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b)) >= 0 ? a : b;
            case "min" -> (unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b)) <= 0 ? a : b;
            default -> b;
        };
    }
}
