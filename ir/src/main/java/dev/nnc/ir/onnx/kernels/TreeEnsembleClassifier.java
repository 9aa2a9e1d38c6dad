package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ai.onnx.ml.TreeEnsembleClassifier} (ml opsets 1 and 3), trees in the format of
 * {@link LegacyTrees} with leaf weights {@code class_*}. Per row, each class's score is its base
 * value plus the weights of the leaves reached. When every weight goes to one class id (the
 * binary form) the score is the second column and the first becomes {@code 1 - score} (NONE) or
 * {@code -score} (other transforms), as onnx's reference implementation does. Then
 * {@code post_transform} (NONE, SOFTMAX, LOGISTIC, SOFTMAX_ZERO) applies, and the label Y is the
 * {@code classlabels_*} entry of the highest score (first on ties). Z holds the scores.
 */
final class TreeEnsembleClassifier {
    private TreeEnsembleClassifier() {
    }

    static List<Type> infer(InferContext ctx) {
        boolean strings = ctx.attrs().get("classlabels_strings") != null;
        TensorType labels = TensorType.unranked(strings ? StringType.STR : IntegerType.I64);
        return List.of(labels, TensorType.unranked(FloatType.F32));
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        OpAttributes a = ctx.attrs();
        Tensor x = ctx.input(0);
        int rows = x.rank() == 2 ? x.dim(0) : 1;
        int features = x.rank() == 0 ? 1 : x.dim(x.rank() - 1);
        long[] intLabels = a.getInts("classlabels_int64s", null);
        List<String> strLabels = a.getStrings("classlabels_strings", null);
        int classes = Math.max(intLabels == null ? 0 : intLabels.length, strLabels == null ? 0 : strLabels.size());
        if (classes == 0) {
            throw ctx.error("needs classlabels_int64s or classlabels_strings");
        }
        LegacyTrees trees = new LegacyTrees(ctx, a, "class");
        long[] classIds = a.getInts("class_ids", new long[0]);
        boolean binary = classIds.length > 0 && Arrays.stream(classIds).distinct().count() == 1;
        String post = a.getString("post_transform", "NONE");
        int transform = TreeEnsembleRegressor.TRANSFORMS.indexOf(post);
        if (transform < 0) {
            throw ctx.error("post_transform '" + post + "' is not supported (NONE, SOFTMAX, LOGISTIC, SOFTMAX_ZERO)");
        }
        if (classes == 1 && (strLabels != null || intLabels[0] != 1)) {
            throw ctx.error("a single class label is only supported as classlabels_int64s = [1]");
        }
        int width = binary && classes == 1 ? 2 : classes;
        double[] base = LegacyTrees.floats(a, "base_values");
        double[] xs = x.toDoubles();
        double[] scores = new double[rows * width];
        long[] labelIdx = new long[rows];
        for (int r = 0; r < rows; r++) {
            double[] s = new double[classes];
            for (int c = 0; c < classes; c++) {
                s[c] = base != null && c < base.length ? base[c] : 0;
            }
            for (LegacyTrees.Node leaf : trees.leaves(ctx, xs, r * features, features)) {
                for (double[] cw : leaf.targets()) {
                    int c = (int) cw[0];
                    if (c < 0 || c >= classes) {
                        throw ctx.error("class id " + c + " is outside the " + classes + " class labels");
                    }
                    s[c] += cw[1];
                }
            }
            if (binary) {
                double[] b = width == classes ? s : new double[width];
                b[1] = s[0];
                b[0] = transform == 0 ? 1 - b[1] : -b[1];
                s = b;
            }
            TreeEnsemble.postTransform(ctx, transform, s);
            System.arraycopy(s, 0, scores, r * width, width);
            int best = 0;
            for (int c = 1; c < width; c++) {
                if (s[c] > s[best]) {
                    best = c;
                }
            }
            labelIdx[r] = best;
        }
        Tensor z = Tensor.ofDoubles(FloatType.F32, new int[] {rows, width}, scores);
        return List.of(labels(labelIdx, intLabels, strLabels), z);
    }

    /** The labels of the winning columns; with the single label [1], column 1 is 1 and column 0 is 0. */
    private static Tensor labels(long[] idx, long[] intLabels, List<String> strLabels) {
        int n = idx.length;
        if (strLabels != null && intLabels == null) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = strLabels.get((int) idx[i]);
            }
            return Tensor.ofStrings(new int[] {n}, out);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = intLabels.length == 1 ? (idx[i] == 1 ? 1 : 0) : intLabels[(int) idx[i]];
        }
        return Tensor.ofLongs(IntegerType.I64, new int[] {n}, out);
    }
}
