package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlKernelsTest {
    static Attribute strs(String... v) {
        return new Attribute.ArrayAttr(Arrays.stream(v).map(s -> (Attribute) new Attribute.StringAttr(s)).toList());
    }

    static Attribute floats(double... v) {
        return new Attribute.ArrayAttr(Arrays.stream(v).mapToObj(d -> (Attribute) new Attribute.FloatAttr(d)).toList());
    }

    static Attribute tensor(Tensor t) {
        return new Attribute.DenseAttr(t, null);
    }

    @Test
    void binarizerIsStrictlyAboveThreshold() {
        assertTensor(run1("ml.Binarizer", 1, Map.of("threshold", Attribute.of(0.5)), f32(shape(2, 2), -1, 0.5, 0.75, 2)),
                shape(2, 2), 0, 0, 1, 1);
    }

    @Test
    void arrayFeatureExtractorPicksAlongTheLastAxis() {
        assertTensor(run1("ml.ArrayFeatureExtractor", 1, Map.of(), range(2, 3), i64(2, 0)), shape(2, 2), 2, 0, 5, 3);
        assertTensor(run1("ml.ArrayFeatureExtractor", 1, Map.of(), range(4), i64(3)), shape(1, 1), 3);
        assertThrows(NncException.class, () -> run1("ml.ArrayFeatureExtractor", 1, Map.of(), range(2, 3), i64(3)));
    }

    @Test
    void labelEncoderVersion2MapsListsWithDefault() {
        Tensor out = run1("ml.LabelEncoder", 2, Map.of("keys_strings", strs("a", "b"), "values_int64s", ints(7, 9),
                "default_int64", i(-5)), str(shape(3), "b", "z", "a"));
        assertEquals(IntegerType.I64, out.elementType());
        assertLongs(out, shape(3), 9, -5, 7);
        Tensor floats = run1("ml.LabelEncoder", 2, Map.of("keys_int64s", ints(1, 2), "values_floats", floats(0.5, 1.5)),
                i64(2, 3));
        assertTensor(floats, shape(2), 1.5, -0.0);
    }

    @Test
    void labelEncoderVersion1UsesClassIndices() {
        Map<String, Attribute> classes = Map.of("classes_strings", strs("x", "y"), "default_string", s("?"));
        assertLongs(run1("ml.LabelEncoder", 1, classes, str(shape(2), "y", "q")), shape(2), 1, -1);
        assertStrings(run1("ml.LabelEncoder", 1, classes, i64(0, 5)), shape(2), "x", "?");
    }

    @Test
    void labelEncoderVersion4TensorsKeepTheirTypes() {
        Tensor keys = Tensor.ofLongs(IntegerType.I32, shape(2), new long[] {3, 4});
        Tensor values = Tensor.ofLongs(IntegerType.I16, shape(2), new long[] {30, 40});
        Tensor dflt = Tensor.ofLongs(IntegerType.I16, shape(1), new long[] {-1});
        Tensor out = run1("ml.LabelEncoder", 4, Map.of("keys_tensor", tensor(keys), "values_tensor", tensor(values),
                "default_tensor", tensor(dflt)), i32(shape(3), 4, 5, 3));
        assertEquals(IntegerType.I16, out.elementType());
        assertLongs(out, shape(3), 40, -1, 30);
        Tensor names = run1("ml.LabelEncoder", 4, Map.of("keys_tensor", tensor(keys),
                "values_tensor", tensor(Tensor.ofStrings(shape(2), new String[] {"c", "d"}))), i32(shape(1), 9));
        assertEquals(StringType.STR, names.elementType());
        assertStrings(names, shape(1), "_Unused");
    }

    /**
     * One tree: node 0 asks x0 ≤ 0.5 (true: leaf 0, weight 1); node 1 asks x1 ∈ {1, 3} (true:
     * leaf 1, weight 10; false: leaf 2, weight 100).
     */
    private static Map<String, Attribute> oneTree(long aggregate) {
        return Map.ofEntries(
                Map.entry("tree_roots", ints(0)),
                Map.entry("nodes_featureids", ints(0, 1)),
                Map.entry("nodes_modes", tensor(Tensor.ofLongs(IntegerType.U8, shape(2), new long[] {0, 6}))),
                Map.entry("nodes_splits", tensor(f32(shape(2), 0.5, 0))),
                Map.entry("membership_values", tensor(f32(shape(3), 1, 3, Double.NaN))),
                Map.entry("nodes_truenodeids", ints(0, 1)),
                Map.entry("nodes_trueleafs", ints(1, 1)),
                Map.entry("nodes_falsenodeids", ints(1, 2)),
                Map.entry("nodes_falseleafs", ints(0, 1)),
                Map.entry("leaf_targetids", ints(0, 0, 0)),
                Map.entry("leaf_weights", tensor(f32(shape(3), 1, 10, 100))),
                Map.entry("n_targets", i(1)),
                Map.entry("aggregate_function", i(aggregate)));
    }

    @Test
    void treeEnsembleWalksBranchesAndMembership() {
        assertTensor(run1("ml.TreeEnsemble", 5, oneTree(1), f32(shape(3, 2), 0, 0, 1, 3, 1, 2)), shape(3, 1), 1, 10, 100);
    }

    @Test
    void treeEnsembleAveragesTrees() {
        Map<String, Attribute> a = new java.util.HashMap<>(oneTree(0));
        a.put("tree_roots", ints(0, 1)); // the second "tree" starts at the member node
        assertTensor(run1("ml.TreeEnsemble", 5, a, f32(shape(1, 2), 0, 3)), shape(1, 1), 5.5);
        assertThrows(NncException.class, () -> run1("ml.TreeEnsemble", 5, oneTree(1), f32(shape(1, 1), 1)));
    }

    /**
     * Tree 0 (listed leaf first, so its root must be found): x0 ≤ 0.5 → leaf 1 (t0 += 1, t1 += 2),
     * else leaf 2 (t0 += 3). Tree 1 is a single leaf (t1 += 10). Base values 100, 200.
     */
    private static Map<String, Attribute> regressor(String aggregate) {
        return Map.ofEntries(
                Map.entry("nodes_treeids", ints(0, 0, 0, 1)),
                Map.entry("nodes_nodeids", ints(1, 0, 2, 0)),
                Map.entry("nodes_modes", strs("LEAF", "BRANCH_LEQ", "LEAF", "LEAF")),
                Map.entry("nodes_featureids", ints(0, 0, 0, 0)),
                Map.entry("nodes_values", floats(0, 0.5, 0, 0)),
                Map.entry("nodes_truenodeids", ints(0, 1, 0, 0)),
                Map.entry("nodes_falsenodeids", ints(0, 2, 0, 0)),
                Map.entry("target_treeids", ints(0, 0, 0, 1)),
                Map.entry("target_nodeids", ints(1, 1, 2, 0)),
                Map.entry("target_ids", ints(0, 1, 0, 1)),
                Map.entry("target_weights", floats(1, 2, 3, 10)),
                Map.entry("base_values", floats(100, 200)),
                Map.entry("n_targets", i(2)),
                Map.entry("aggregate_function", s(aggregate)));
    }

    @Test
    void treeEnsembleRegressorSumsAndAveragesTrees() {
        assertTensor(run1("ml.TreeEnsembleRegressor", 3, regressor("SUM"), f32(shape(2, 1), 0, 1)), shape(2, 2), 101, 212, 103, 210);
        assertTensor(run1("ml.TreeEnsembleRegressor", 3, regressor("AVERAGE"), f32(shape(1, 1), 0)), shape(1, 2), 100.5, 206);
        assertThrows(NncException.class, () -> run1("ml.TreeEnsembleRegressor", 3, regressor("MEDIAN"), f32(shape(1, 1), 0)));
    }

    /** One tree: x0 < 1 → leaf 1, else leaf 2; leaf weights go to the given class ids. */
    private static Map<String, Attribute> classifier(Attribute ids, Attribute nodeIds, Attribute weights, String labelsAttr,
                                                     Attribute labels) {
        return Map.ofEntries(
                Map.entry("nodes_treeids", ints(0, 0, 0)),
                Map.entry("nodes_nodeids", ints(0, 1, 2)),
                Map.entry("nodes_modes", strs("BRANCH_LT", "LEAF", "LEAF")),
                Map.entry("nodes_featureids", ints(0, 0, 0)),
                Map.entry("nodes_values", floats(1, 0, 0)),
                Map.entry("nodes_truenodeids", ints(1, 0, 0)),
                Map.entry("nodes_falsenodeids", ints(2, 0, 0)),
                Map.entry("class_treeids", ints(new long[((Attribute.ArrayAttr) ids).values().size()])),
                Map.entry("class_nodeids", nodeIds),
                Map.entry("class_ids", ids),
                Map.entry("class_weights", weights),
                Map.entry(labelsAttr, labels));
    }

    @Test
    void treeEnsembleClassifierPicksTheBestClass() {
        Map<String, Attribute> a = classifier(ints(0, 2, 1), ints(1, 1, 2), floats(0.6, 0.4, 1), "classlabels_int64s", ints(10, 20, 30));
        List<Tensor> out = run("ml.TreeEnsembleClassifier", 3, a, 2, f32(shape(2, 1), 0, 2));
        assertLongs(out.get(0), shape(2), 10, 20);
        assertTensor(out.get(1), shape(2, 3), 0.6, 0, 0.4, 0, 1, 0);
    }

    @Test
    void treeEnsembleClassifierBinaryForm() {
        Map<String, Attribute> a = classifier(ints(0, 0), ints(1, 2), floats(0.2, 0.9), "classlabels_strings", strs("no", "yes"));
        List<Tensor> out = run("ml.TreeEnsembleClassifier", 3, a, 2, f32(shape(2, 1), 0, 2));
        assertStrings(out.get(0), shape(2), "no", "yes");
        assertTensor(out.get(1), shape(2, 2), 0.8, 0.2, 0.1, 0.9);
    }
}
