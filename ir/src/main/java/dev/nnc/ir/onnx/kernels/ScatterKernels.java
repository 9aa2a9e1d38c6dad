package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.Type;
import java.util.Arrays;
import java.util.List;

/**
 * Indexed writes: {@code ScatterElements} (and its deprecated alias {@code Scatter}) and
 * {@code ScatterND}, with reduction none/add/mul/max/min. Updates apply in index order, so with
 * duplicate indices and no reduction the last one wins, as in the ONNX reference.
 */
public final class ScatterKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/scatter.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Scatter", ScatterKernels::inferSame, ctx -> List.of(scatterElements(ctx)));
        t.op("ScatterElements", ScatterKernels::inferSame, ctx -> List.of(scatterElements(ctx)));
        t.op("ScatterND", ScatterKernels::inferSame, ctx -> List.of(scatterNd(ctx)));
    }

    private static List<Type> inferSame(InferContext ctx) {
        return Infer.sameAsFirst(ctx);
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
        int[] strides = Shapes.strides(ds);
        long[] ix = indices.toLongs();
        int[] target = new int[ix.length];
        for (int i = 0; i < ix.length; i++) {
            int[] m = TensorGather.unravel(i, is);
            m[axis] = GatherKernels.index(ctx, ix[i], ds[axis]);
            int t = 0;
            for (int d = 0; d < m.length; d++) {
                t += m[d] * strides[d];
            }
            target[i] = t;
        }
        return scatter(ctx, data, updates, target);
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
            boolean unsigned64 = data.elementType() instanceof IntegerType it && !it.signed() && it.width() == 64;
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
