package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree format of {@code TreeEnsembleRegressor} and {@code TreeEnsembleClassifier} (ml opsets
 * 1 and 3): nodes named by (tree id, node id), {@code nodes_modes} strings ({@code BRANCH_LEQ},
 * {@code BRANCH_LT}, {@code BRANCH_GTE}, {@code BRANCH_GT}, {@code BRANCH_EQ}, {@code BRANCH_NEQ},
 * {@code LEAF}; a NaN feature goes the true way where {@code nodes_missing_value_tracks_true}
 * says so), and leaf weights listed as {@code <prefix>_treeids/_nodeids/_ids/_weights} with
 * prefix {@code target} or {@code class}. A tree's root is its node no other node points to.
 */
final class LegacyTrees {
    private static final List<String> MODES = List.of("BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ");

    private final List<Node> nodes = new ArrayList<>();
    private final List<Integer> roots;

    /** One node: mode index into {@link #MODES} or -1 for a leaf; children are node positions. */
    record Node(int mode, int feature, double value, int trueChild, int falseChild, boolean missingTrue,
                        List<double[]> targets) {
    }

    LegacyTrees(EvalContext ctx, OpAttributes a, String prefix) {
        roots = build(ctx, a, prefix, nodes);
    }

    int trees() {
        return roots.size();
    }

    /** The leaf each tree reaches for the row of {@code x} at {@code base}, in tree order. */
    List<Node> leaves(EvalContext ctx, double[] x, int base, int features) {
        List<Node> out = new ArrayList<>();
        for (int root : roots) {
            out.add(walk(ctx, nodes, root, x, base, features));
        }
        return out;
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
    private static List<Integer> build(EvalContext ctx, OpAttributes a, String prefix, List<Node> nodes) {
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
        Map<Integer, List<double[]>> leafTargets = leafTargets(ctx, a, prefix, pos);
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

    private static Map<Integer, List<double[]>> leafTargets(EvalContext ctx, OpAttributes a, String prefix, Map<List<Long>, Integer> pos) {
        long[] trees = a.getInts(prefix + "_treeids", new long[0]);
        long[] nodeIds = a.getInts(prefix + "_nodeids", new long[0]);
        long[] ids = a.getInts(prefix + "_ids", new long[0]);
        double[] weights = floats(a, prefix + "_weights");
        if (nodeIds.length != trees.length || ids.length != trees.length || weights == null || weights.length != trees.length) {
            throw ctx.error("the " + prefix + "_* attributes must all have one entry per leaf weight (" + trees.length + ")");
        }
        Map<Integer, List<double[]>> out = new HashMap<>();
        for (int i = 0; i < trees.length; i++) {
            out.computeIfAbsent(child(ctx, pos, trees[i], nodeIds[i]), k -> new ArrayList<>()).add(new double[] {ids[i], weights[i]});
        }
        return out;
    }

    /** {@code <name>_as_tensor} (opset 3, double precision) or {@code <name>}; null when neither is set. */
    static double[] floats(OpAttributes a, String name) {
        Tensor t = a.getTensor(name + "_as_tensor");
        return t != null ? t.toDoubles() : a.getFloats(name, null);
    }
}
