package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.List;

/**
 * {@code ai.onnx.ml.TreeEnsembleRegressor} (ml opsets 1 and 3), trees in the format of
 * {@link LegacyTrees} with leaf weights {@code target_*}. Per target, trees combine by {@code aggregate_function} (SUM, AVERAGE,
 * MIN, MAX), then {@code base_values} are added and {@code post_transform} applied (NONE,
 * SOFTMAX, LOGISTIC, SOFTMAX_ZERO). Y is float {@code [N, n_targets]}.
 */
final class TreeEnsembleRegressor {
    static final List<String> TRANSFORMS = List.of("NONE", "SOFTMAX", "LOGISTIC", "SOFTMAX_ZERO");

    private TreeEnsembleRegressor() {
    }

    static List<Type> infer(InferContext ctx) {
        Dim n = ctx.operandType(0) instanceof TensorType x && x.dims() != null && !x.dims().isEmpty()
                ? x.dims().get(0) : new Dim.Known(1);
        return Collections.singletonList(new TensorType(FloatType.F32, List.of(n, new Dim.Known(ctx.attrs().getInt("n_targets", 1)))));
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        OpAttributes a = ctx.attrs();
        Tensor x = ctx.input(0);
        int rows = x.rank() == 2 ? x.dim(0) : 1;
        int features = x.rank() == 0 ? 1 : x.dim(x.rank() - 1);
        int targets = a.getInt32("n_targets", 1);
        LegacyTrees trees = new LegacyTrees(ctx, a, "target");
        String agg = a.getString("aggregate_function", "SUM");
        if (!List.of("SUM", "AVERAGE", "MIN", "MAX").contains(agg)) {
            throw ctx.error("unknown aggregate_function '" + agg + "'");
        }
        int transform = TRANSFORMS.indexOf(a.getString("post_transform", "NONE"));
        if (transform < 0) {
            throw ctx.error("post_transform '" + a.getString("post_transform", "NONE") + "' is not supported (NONE, SOFTMAX, LOGISTIC, SOFTMAX_ZERO)");
        }
        double[] base = LegacyTrees.floats(a, "base_values");
        double[] xs = x.toDoubles();
        double[] out = new double[rows * targets];
        for (int r = 0; r < rows; r++) {
            double[] acc = new double[targets];
            boolean[] seen = new boolean[targets];
            for (LegacyTrees.Node leaf : trees.leaves(ctx, xs, r * features, features)) {
                for (double[] tw : leaf.targets()) {
                    int t = (int) tw[0];
                    if (t < 0 || t >= targets) {
                        throw ctx.error("target id " + t + " is outside n_targets " + targets);
                    }
                    acc[t] = !seen[t] ? tw[1] : agg.equals("MIN") ? Math.min(acc[t], tw[1])
                            : agg.equals("MAX") ? Math.max(acc[t], tw[1]) : acc[t] + tw[1];
                    seen[t] = true;
                }
            }
            for (int t = 0; t < targets; t++) {
                if (agg.equals("AVERAGE") && trees.trees() > 0) {
                    acc[t] /= trees.trees();
                }
                acc[t] += base != null && t < base.length ? base[t] : 0;
            }
            TreeEnsemble.postTransform(ctx, transform, acc);
            System.arraycopy(acc, 0, out, r * targets, targets);
        }
        return List.of(Tensor.ofDoubles(FloatType.F32, new int[] {rows, targets}, out));
    }

}
