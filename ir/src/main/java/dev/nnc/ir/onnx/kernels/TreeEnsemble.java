package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ai.onnx.ml.TreeEnsemble} (ml opset 5): each row of X {@code [N, F]} walks every tree
 * from its root; an interior node compares one feature with its split ({@code nodes_modes}: 0
 * ≤, 1 &lt;, 2 ≥, 3 &gt;, 4 =, 5 ≠, 6 member of a set; a NaN feature goes the true way where
 * {@code nodes_missing_value_tracks_true} says so) and continues to the true or false child,
 * which is a node or, where {@code nodes_trueleafs}/{@code nodes_falseleafs} is set, a leaf. A
 * leaf adds its weight to its target; trees are combined per target by
 * {@code aggregate_function} (0 average, 1 sum, 2 min, 3 max) and then {@code post_transform}
 * (0 none, 1 softmax, 2 logistic, 3 softmax-zero). Y is {@code [N, n_targets]}.
 */
final class TreeEnsemble {
    private TreeEnsemble() {
    }

    static List<Type> infer(InferContext ctx) {
        if (ctx.operandType(0) instanceof TensorType x && ctx.attrs().get("n_targets") != null) {
            Dim n = x.dims() != null && !x.dims().isEmpty() ? x.dims().get(0) : new Dim.Known(1);
            return Collections.singletonList(new TensorType(x.elementType(), List.of(n, new Dim.Known(ctx.attrs().getInt("n_targets")))));
        }
        return Infer.unknown(1);
    }

    /** The flattened trees: per node its feature, split, mode, children and member set. */
    private record Nodes(long[] features, double[] splits, long[] modes, long[] trueIds, long[] trueLeaf,
                         long[] falseIds, long[] falseLeaf, long[] missingTrue, List<Set<Double>> members) {
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        OpAttributes a = ctx.attrs();
        Tensor x = ctx.input(0);
        int n = x.rank() == 2 ? x.dim(0) : 1;
        int f = x.rank() == 0 ? 1 : x.dim(x.rank() - 1);
        Nodes nodes = nodes(ctx, a);
        long[] roots = a.getInts("tree_roots", new long[0]);
        long[] leafTargets = a.getInts("leaf_targetids", new long[0]);
        double[] leafWeights = a.getTensor("leaf_weights").toDoubles();
        int targets = a.getInt32("n_targets", 1);
        int agg = a.getInt32("aggregate_function", 1);
        double[] xs = x.toDoubles();
        double[] out = new double[n * targets];
        for (int r = 0; r < n; r++) {
            double[] acc = new double[targets];
            boolean[] seen = new boolean[targets];
            for (long root : roots) {
                int leaf = walk(ctx, nodes, (int) root, xs, r * f, f);
                int t = (int) leafTargets[leaf];
                if (t < 0 || t >= targets) {
                    throw ctx.error("leaf " + leaf + " targets " + t + ", outside n_targets " + targets);
                }
                double w = leafWeights[leaf];
                acc[t] = !seen[t] ? w : switch (agg) {
                    case 2 -> Math.min(acc[t], w);
                    case 3 -> Math.max(acc[t], w);
                    default -> acc[t] + w;
                };
                seen[t] = true;
            }
            if (agg == 0 && roots.length > 0) {
                for (int t = 0; t < targets; t++) {
                    acc[t] /= roots.length;
                }
            } else if (agg < 0 || agg > 3) {
                throw ctx.error("unknown aggregate_function " + agg);
            }
            postTransform(ctx, a.getInt32("post_transform", 0), acc);
            System.arraycopy(acc, 0, out, r * targets, targets);
        }
        return List.of(Tensor.ofDoubles(x.elementType(), new int[] {n, targets}, out));
    }

    /** Follows one tree from {@code node} to a leaf; returns the leaf's index. */
    private static int walk(EvalContext ctx, Nodes t, int node, double[] x, int base, int features) {
        for (int steps = 0; steps <= t.modes().length; steps++) {
            if (node < 0 || node >= t.modes().length) {
                throw ctx.error("node index " + node + " is out of range");
            }
            int feature = (int) t.features()[node];
            if (feature < 0 || feature >= features) {
                throw ctx.error("node " + node + " reads feature " + feature + " of " + features);
            }
            double v = x[base + feature];
            boolean cond = Double.isNaN(v) && t.missingTrue() != null && node < t.missingTrue().length
                    && t.missingTrue()[node] != 0 || compare(ctx, t, node, v);
            long next = cond ? t.trueIds()[node] : t.falseIds()[node];
            if ((cond ? t.trueLeaf()[node] : t.falseLeaf()[node]) != 0) {
                return (int) next;
            }
            node = (int) next;
        }
        throw ctx.error("a tree has a cycle");
    }

    private static boolean compare(EvalContext ctx, Nodes t, int node, double v) {
        double s = t.splits()[node];
        return switch ((int) t.modes()[node]) {
            case 0 -> v <= s;
            case 1 -> v < s;
            case 2 -> v >= s;
            case 3 -> v > s;
            case 4 -> v == s;
            case 5 -> v != s;
            case 6 -> t.members().get(node).contains(v);
            default -> throw ctx.error("node " + node + " has unknown mode " + t.modes()[node]);
        };
    }

    private static Nodes nodes(EvalContext ctx, OpAttributes a) {
        long[] modes = a.getTensor("nodes_modes").toLongs();
        long[] missing = a.getInts("nodes_missing_value_tracks_true", null);
        List<Set<Double>> members = new ArrayList<>();
        Tensor mv = a.getTensor("membership_values");
        double[] values = mv == null ? new double[0] : mv.toDoubles();
        int at = 0;
        for (long mode : modes) {
            Set<Double> set = new HashSet<>();
            if (mode == 6) {
                // one NaN-terminated set of values per member node, in node order
                while (at < values.length && !Double.isNaN(values[at])) {
                    set.add(values[at++] + 0.0);
                }
                at++;
            }
            members.add(set);
        }
        Nodes t = new Nodes(a.getInts("nodes_featureids", new long[0]), a.getTensor("nodes_splits").toDoubles(), modes,
                a.getInts("nodes_truenodeids", new long[0]), a.getInts("nodes_trueleafs", new long[0]),
                a.getInts("nodes_falsenodeids", new long[0]), a.getInts("nodes_falseleafs", new long[0]), missing, members);
        int count = modes.length;
        if (t.features().length != count || t.splits().length != count || t.trueIds().length != count
                || t.trueLeaf().length != count || t.falseIds().length != count || t.falseLeaf().length != count) {
            throw ctx.error("the nodes_* attributes must all have one entry per node (" + count + ")");
        }
        return t;
    }

    /** Post transform 0 none, 1 softmax, 2 logistic, 3 softmax that leaves zeros at zero. */
    static void postTransform(EvalContext ctx, int kind, double[] v) {
        switch (kind) {
            case 0 -> { }
            case 1, 3 -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double d : v) {
                    max = Math.max(max, d);
                }
                double sum = 0;
                for (int i = 0; i < v.length; i++) {
                    v[i] = kind == 3 && v[i] == 0 ? 0 : Math.exp(v[i] - max);
                    sum += v[i];
                }
                for (int i = 0; i < v.length; i++) {
                    v[i] = sum == 0 ? 0 : v[i] / sum;
                }
            }
            case 2 -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = 1 / (1 + Math.exp(-v[i]));
                }
            }
            default -> throw ctx.error("post_transform " + kind + " is not supported (0 none, 1 softmax, 2 logistic, 3 softmax-zero)");
        }
    }
}
