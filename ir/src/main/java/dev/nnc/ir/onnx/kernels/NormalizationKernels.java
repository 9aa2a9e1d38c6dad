package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Normalizations: {@code BatchNormalization} (inference, and training mode with running
 * statistics), {@code InstanceNormalization}, {@code GroupNormalization} (per-group scale of
 * opset 18 or per-channel of 21, told apart by the scale's length), {@code LayerNormalization},
 * {@code RMSNormalization}, {@code LRN}, {@code LpNormalization} and
 * {@code MeanVarianceNormalization}. Statistics are computed in double.
 */
public final class NormalizationKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/normalization.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("BatchNormalization", NormalizationKernels::inferBatchNorm, NormalizationKernels::batchNorm);
        t.op("InstanceNormalization", Infer::sameAsFirst, NormalizationKernels::instanceNorm);
        t.op("GroupNormalization", Infer::sameAsFirst, NormalizationKernels::groupNorm);
        t.op("LayerNormalization", LayerNorms::infer, ctx -> LayerNorms.layerNorm(ctx, false));
        t.op("RMSNormalization", LayerNorms::infer, ctx -> LayerNorms.layerNorm(ctx, true));
        t.op("LRN", Infer::sameAsFirst, NormalizationKernels::lrn);
        t.op("LpNormalization", Infer::sameAsFirst, NormalizationKernels::lpNorm);
        t.op("MeanVarianceNormalization", Infer::sameAsFirst, NormalizationKernels::mvn);
    }

    /**
     * y = scale * (x - mean) / sqrt(var + eps) + bias per channel (axis 1). In training mode
     * (opset 14 {@code training_mode}, or extra outputs before 14) the batch statistics are used
     * and the running ones updated with {@code momentum}.
     */
    private static List<Tensor> batchNorm(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] xs = x.shape();
        if (xs.length < 2) {
            throw ctx.error("input must have rank >= 2");
        }
        int c = xs[1];
        int inner = NnUtil.product(xs, 2, xs.length);
        double eps = ctx.attrs().getFloat("epsilon", 1e-5);
        double[] scale = NnUtil.values(ctx.input(1));
        double[] bias = NnUtil.values(ctx.input(2));
        double[] mean = NnUtil.values(ctx.input(3));
        double[] var = NnUtil.values(ctx.input(4));
        for (Tensor p : List.of(ctx.input(1), ctx.input(2), ctx.input(3), ctx.input(4))) {
            if (p.size() != c) {
                throw ctx.error("scale, B, mean and var must have " + c + " values (one per channel), got shape " + Arrays.toString(p.shape()));
            }
        }
        boolean training = ctx.attrs().getInt("training_mode", 0) != 0 || (ctx.opset() < 14 && ctx.numOutputs() > 1);
        double[] xv = NnUtil.values(x);
        double[] useMean = mean;
        double[] useVar = var;
        Moments batch = null;
        if (training) {
            boolean[] reduced = new boolean[xs.length];
            Arrays.fill(reduced, true);
            reduced[1] = false;
            batch = Moments.ofGroups(xv, Moments.groupIds(xs, reduced), c);
            useMean = batch.mean();
            useVar = batch.var();
        }
        double[] y = new double[xv.length];
        for (int i = 0; i < xv.length; i++) {
            int ch = i / inner % c;
            y[i] = scale[ch] * (xv[i] - useMean[ch]) / Math.sqrt(useVar[ch] + eps) + bias[ch];
        }
        List<Tensor> out = new ArrayList<>();
        out.add(Tensor.ofDoubles(x.elementType(), xs, y));
        if (training) {
            double momentum = ctx.attrs().getFloat("momentum", 0.9);
            double[] rm = new double[c];
            double[] rv = new double[c];
            for (int i = 0; i < c; i++) {
                rm[i] = mean[i] * momentum + batch.mean()[i] * (1 - momentum);
                rv[i] = var[i] * momentum + batch.var()[i] * (1 - momentum);
            }
            int[] cs = {c};
            var stat = ctx.input(3).elementType();
            out.add(Tensor.ofDoubles(stat, cs, rm));
            out.add(Tensor.ofDoubles(stat, cs, rv));
            out.add(Tensor.ofDoubles(stat, cs, batch.mean().clone()));
            out.add(Tensor.ofDoubles(stat, cs, batch.var().clone()));
        }
        return out.subList(0, Math.min(out.size(), Math.max(1, ctx.numOutputs())));
    }

    private static List<Type> inferBatchNorm(InferContext ctx) {
        int n = ctx.op().numResults();
        List<Type> out = new ArrayList<>(Infer.unknown(n));
        out.set(0, ctx.operandType(0));
        for (int i = 1; i < n; i++) {
            out.set(i, ctx.operandType(3));
        }
        return out;
    }

    /** Per (n, c): normalize over the spatial dims, then scale[c], B[c]: group norm with one channel a group. */
    private static List<Tensor> instanceNorm(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int c = x.shape()[1];
        return List.of(normalizeGroups(ctx, x, c, NnUtil.values(ctx.input(1)), NnUtil.values(ctx.input(2))));
    }

    private static List<Tensor> groupNorm(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int c = x.shape()[1];
        int groups = ctx.attrs().getInt32("num_groups");
        if (groups <= 0 || c % groups != 0) {
            throw ctx.error("num_groups " + groups + " does not divide the " + c + " channels");
        }
        double[] scale = NnUtil.values(ctx.input(1));
        double[] bias = NnUtil.values(ctx.input(2));
        if (scale.length != c && scale.length != groups || bias.length != scale.length) {
            throw ctx.error("scale and bias must have " + c + " (or, before opset 21, " + groups + ") values");
        }
        return List.of(normalizeGroups(ctx, x, groups, scale, bias));
    }

    /**
     * Normalizes each (n, group) over its channels and spatial dims, then applies scale and bias
     * per channel (or, when they have one value a group, per group).
     */
    private static Tensor normalizeGroups(EvalContext ctx, Tensor x, int groups, double[] scale, double[] bias) {
        int[] xs = x.shape();
        int c = xs[1];
        int inner = NnUtil.product(xs, 2, xs.length);
        int perGroup = c / groups;
        double[] xv = NnUtil.values(x);
        double eps = ctx.attrs().getFloat("epsilon", 1e-5);
        boolean perChannel = scale.length == c;
        Moments m = Moments.ofRows(xv, xs[0] * groups, perGroup * inner, true);
        double[] y = new double[xv.length];
        for (int i = 0; i < xv.length; i++) {
            int ch = i / inner % c;
            int r = i / (perGroup * inner);
            int s = perChannel ? ch : ch / perGroup;
            y[i] = scale[s] * (xv[i] - m.mean()[r]) / Math.sqrt(m.var()[r] + eps) + bias[s];
        }
        return Tensor.ofDoubles(x.elementType(), xs, y);
    }

    /** y = x / (bias + alpha / size * sum of x^2 over nearby channels)^beta. */
    private static List<Tensor> lrn(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] xs = x.shape();
        int c = xs[1];
        int inner = NnUtil.product(xs, 2, xs.length);
        long size = ctx.attrs().getInt("size");
        double alpha = ctx.attrs().getFloat("alpha", 1e-4);
        double beta = ctx.attrs().getFloat("beta", 0.75);
        double bias = ctx.attrs().getFloat("bias", 1.0);
        double[] y = Lrn.apply(NnUtil.values(x), c, inner, size, alpha, beta, bias);
        return List.of(Tensor.ofDoubles(x.elementType(), xs, y));
    }

    /** x divided by its L1 or L2 norm along {@code axis}. */
    private static List<Tensor> lpNorm(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] xs = x.shape();
        int axis = LayerNorms.axis(ctx.op().name(), ctx.attrs().getInt("axis", -1), xs.length);
        long p = ctx.attrs().getInt("p", 2);
        if (p != 1 && p != 2) {
            throw ctx.error("p must be 1 or 2, got " + p);
        }
        int n = xs[axis];
        int inner = NnUtil.product(xs, axis + 1, xs.length);
        int outer = NnUtil.product(xs, 0, axis);
        double[] xv = NnUtil.values(x);
        double[] y = new double[xv.length];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in;
                double s = 0;
                for (int k = 0; k < n; k++) {
                    double v = xv[base + k * inner];
                    s += p == 1 ? Math.abs(v) : v * v;
                }
                double norm = p == 1 ? s : Math.sqrt(s);
                for (int k = 0; k < n; k++) {
                    // an all-zero slice stays zero rather than 0/0
                    y[base + k * inner] = norm == 0 ? 0 : xv[base + k * inner] / norm;
                }
            }
        }
        return List.of(Tensor.ofDoubles(x.elementType(), xs, y));
    }

    /** (x - mean) / (std + 1e-9) over {@code axes} (default N, H, W), as the ONNX function body. */
    private static List<Tensor> mvn(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] xs = x.shape();
        long[] axes = ctx.attrs().getInts("axes", new long[] {0, 2, 3});
        boolean[] reduced = new boolean[xs.length];
        for (long a : axes) {
            reduced[LayerNorms.axis(ctx.op().name(), a, xs.length)] = true;
        }
        int groups = 1;
        for (int d = 0; d < xs.length; d++) {
            groups *= reduced[d] ? 1 : xs[d];
        }
        int[] ids = Moments.groupIds(xs, reduced);
        double[] xv = NnUtil.values(x);
        Moments m = Moments.ofGroups(xv, ids, groups);
        double[] y = new double[xv.length];
        for (int i = 0; i < xv.length; i++) {
            y[i] = (xv[i] - m.mean()[ids[i]]) / (Math.sqrt(m.var()[ids[i]]) + 1e-9);
        }
        return List.of(Tensor.ofDoubles(x.elementType(), xs, y));
    }
}
