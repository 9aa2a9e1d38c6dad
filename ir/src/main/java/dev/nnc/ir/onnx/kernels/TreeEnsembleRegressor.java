package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ai.onnx.ml.TreeEnsembleRegressor} (ml opsets 1 and 3): the older tree format, where
 * nodes are named by (tree id, node id), {@code nodes_modes} are strings ({@code BRANCH_LEQ},
 * {@code BRANCH_LT}, {@code BRANCH_GTE}, {@code BRANCH_GT}, {@code BRANCH_EQ},
 * {@code BRANCH_NEQ}, {@code LEAF}) and a leaf may add weights to several targets
 * ({@code target_*}). Per target, trees combine by {@code aggregate_function} (SUM, AVERAGE,
 * MIN, MAX), then {@code base_values} are added and {@code post_transform} applied (NONE,
 * SOFTMAX, LOGISTIC, SOFTMAX_ZERO). Y is float {@code [N, n_targets]}. A tree's root is its node
 * that no other node of the tree points to.
 */
final class TreeEnsembleRegressor {
    private static final List<String> MODES = List.of("BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ");
    private static final List<String> TRANSFORMS = List.of("NONE", "SOFTMAX", "LOGISTIC", "SOFTMAX_ZERO");

    private TreeEnsembleRegressor() {
    }

    static List<Type> infer(InferContext ctx) {
        Dim n = ctx.operandType(0) instanceof TensorType x && x.dims() != null && !x.dims().isEmpty()
                ? x.dims().get(0) : new Dim.Known(1);
        return Collections.singletonList(new TensorType(FloatType.F32, List.of(n, new Dim.Known(ctx.attrs().getInt("n_targets", 1)))));
    }

    /** One node: mode index into {@link #MODES} or -1 for a leaf; children are node positions. */
    private record Node(int mode, int feature, double value, int trueChild, int falseChild, boolean missingTrue,
                        List<double[]> targets) {
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        OpAttributes a = ctx.attrs();
        Tensor x = ctx.input(0);
        int rows = x.rank() == 2 ? x.dim(0) : 1;
        int features = x.rank() == 0 ? 1 : x.dim(x.rank() - 1);
        int targets = (int) a.getInt("n_targets", 1);
        List<Node> nodes = new ArrayList<>();
        List<Integer> roots = build(ctx, a, nodes);
        String agg = a.getString("aggregate_function", "SUM");
        if (!List.of("SUM", "AVERAGE", "MIN", "MAX").contains(agg)) {
            throw ctx.error("unknown aggregate_function '" + agg + "'");
        }
        int transform = TRANSFORMS.indexOf(a.getString("post_transform", "NONE"));
        if (transform < 0) {
            throw ctx.error("post_transform '" + a.getString("post_transform", "NONE") + "' is not supported (NONE, SOFTMAX, LOGISTIC, SOFTMAX_ZERO)");
        }
        double[] base = floats(a, "base_values");
        double[] xs = x.toDoubles();
        double[] out = new double[rows * targets];
        for (int r = 0; r < rows; r++) {
            double[] acc = new double[targets];
            boolean[] seen = new boolean[targets];
            for (int root : roots) {
                Node leaf = walk(ctx, nodes, root, xs, r * features, features);
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
                if (agg.equals("AVERAGE") && !roots.isEmpty()) {
                    acc[t] /= roots.size();
                }
                acc[t] += base != null && t < base.length ? base[t] : 0;
            }
            TreeEnsemble.postTransform(ctx, transform, acc);
            System.arraycopy(acc, 0, out, r * targets, targets);
        }
        return List.of(Tensor.ofDoubles(FloatType.F32, new int[] {rows, targets}, out));
    }

    private static Node walk(EvalContext ctx, List<Node> nodes, int at, double[] x, int base, int features) {
        for (int steps = 0; steps <= nodes.size(); steps++) {
            Node n = nodes.get(at);
            if (n.mode() < 0) {
                return n;
            }
            if (n.feature() < 0 || n.feature() >= features) {
                throw ctx.error("a node reads feature " + n.feature() + " of " + features);
            }
            double v = x[base + n.feature()];
            double s = n.value();
            boolean cond = Double.isNaN(v) && n.missingTrue() || switch (n.mode()) {
                case 0 -> v <= s;
                case 1 -> v < s;
                case 2 -> v >= s;
                case 3 -> v > s;
                case 4 -> v == s;
                default -> v != s;
            };
            at = cond ? n.trueChild() : n.falseChild();
        }
        throw ctx.error("a tree has a cycle");
    }

    /** Fills {@code nodes} (in attribute order) and returns each tree's root position. */
    private static List<Integer> build(EvalContext ctx, OpAttributes a, List<Node> nodes) {
        long[] treeIds = a.getInts("nodes_treeids", new long[0]);
        long[] nodeIds = a.getInts("nodes_nodeids", new long[0]);
        long[] featureIds = a.getInts("nodes_featureids", new long[0]);
        long[] trueIds = a.getInts("nodes_truenodeids", new long[0]);
        long[] falseIds = a.getInts("nodes_falsenodeids", new long[0]);
        long[] missing = a.getInts("nodes_missing_value_tracks_true", new long[0]);
        List<String> modes = a.getStrings("nodes_modes", List.of());
        double[] values = floats(a, "nodes_values");
        int count = treeIds.length;
        if (nodeIds.length != count || modes.size() != count || featureIds.length != count || trueIds.length != count
                || falseIds.length != count || values == null || values.length != count) {
            throw ctx.error("the nodes_* attributes must all have one entry per node (" + count + ")");
        }
        Map<List<Long>, Integer> pos = new HashMap<>();
        for (int i = 0; i < count; i++) {
            pos.put(List.of(treeIds[i], nodeIds[i]), i);
        }
        Map<Integer, List<double[]>> leafTargets = leafTargets(ctx, a, pos);
        Set<Integer> children = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int mode = modes.get(i).equals("LEAF") ? -1 : MODES.indexOf(modes.get(i));
            if (mode == -1 && !modes.get(i).equals("LEAF")) {
                throw ctx.error("unknown node mode '" + modes.get(i) + "'");
            }
            int t = mode < 0 ? -1 : child(ctx, pos, treeIds[i], trueIds[i]);
            int f = mode < 0 ? -1 : child(ctx, pos, treeIds[i], falseIds[i]);
            children.add(t);
            children.add(f);
            nodes.add(new Node(mode, (int) featureIds[i], values[i], t, f, i < missing.length && missing[i] != 0,
                    leafTargets.getOrDefault(i, List.of())));
        }
        Map<Long, Integer> roots = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (!children.contains(i)) {
                roots.putIfAbsent(treeIds[i], i);
            }
        }
        return new ArrayList<>(roots.values());
    }

    private static int child(EvalContext ctx, Map<List<Long>, Integer> pos, long tree, long node) {
        Integer p = pos.get(List.of(tree, node));
        if (p == null) {
            throw ctx.error("tree " + tree + " has no node " + node);
        }
        return p;
    }

    private static Map<Integer, List<double[]>> leafTargets(EvalContext ctx, OpAttributes a, Map<List<Long>, Integer> pos) {
        long[] trees = a.getInts("target_treeids", new long[0]);
        long[] nodeIds = a.getInts("target_nodeids", new long[0]);
        long[] ids = a.getInts("target_ids", new long[0]);
        double[] weights = floats(a, "target_weights");
        if (nodeIds.length != trees.length || ids.length != trees.length || weights == null || weights.length != trees.length) {
            throw ctx.error("the target_* attributes must all have one entry per leaf weight (" + trees.length + ")");
        }
        Map<Integer, List<double[]>> out = new HashMap<>();
        for (int i = 0; i < trees.length; i++) {
            out.computeIfAbsent(child(ctx, pos, trees[i], nodeIds[i]), k -> new ArrayList<>()).add(new double[] {ids[i], weights[i]});
        }
        return out;
    }

    /** {@code <name>_as_tensor} (opset 3, double precision) or {@code <name>}; null when neither is set. */
    private static double[] floats(OpAttributes a, String name) {
        Tensor t = a.getTensor(name + "_as_tensor");
        return t != null ? t.toDoubles() : a.getFloats(name, null);
    }
}
