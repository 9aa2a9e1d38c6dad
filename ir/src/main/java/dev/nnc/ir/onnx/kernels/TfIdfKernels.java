package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code TfIdfVectorizer}: counts, per row of a 1-D or 2-D sequence of ints or strings, how often
 * each n-gram of the pool occurs, n-grams being {@code n} items taken {@code skip + 1} apart for
 * every skip up to {@code max_skip_count} (unigrams counted once). The pool lists n-grams
 * grouped by length ({@code ngram_counts[i]} = where the (i+1)-grams start);
 * {@code ngram_indexes[k]} is the output slot of the k-th pool n-gram. Modes: TF (counts), IDF
 * (weight where the count is non-zero), TFIDF (count × weight); weights default to 1.
 */
public final class TfIdfKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/tfidf.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("TfIdfVectorizer", TfIdfKernels::infer, TfIdfKernels::evaluate);
    }

    private static int width(OpAttributes a) {
        long max = -1;
        for (long i : a.getInts("ngram_indexes", new long[0])) {
            max = Math.max(max, i);
        }
        return (int) max + 1;
    }

    private static List<Type> infer(InferContext ctx) {
        if (!(ctx.operandType(0) instanceof TensorType tt) || tt.dims() == null) {
            return Collections.singletonList(TensorType.unranked(FloatType.F32));
        }
        int w = width(ctx.attrs());
        if (tt.dims().size() == 2 && tt.isStatic()) {
            return Collections.singletonList(TensorType.of(FloatType.F32, tt.shape()[0], w));
        }
        return Collections.singletonList(tt.dims().size() == 1 ? TensorType.of(FloatType.F32, w) : TensorType.unranked(FloatType.F32));
    }

    private static List<Tensor> evaluate(EvalContext ctx) {
        OpAttributes a = ctx.attrs();
        Tensor x = ctx.input(0);
        if (x.rank() > 2) {
            throw ctx.error("input must be 1-D or 2-D, got rank " + x.rank());
        }
        Map<List<Object>, Integer> pool = pool(ctx, a);
        int w = width(a);
        int rows = x.rank() == 2 ? x.dim(0) : 1;
        int cols = x.rank() == 0 ? 1 : x.dim(x.rank() - 1);
        int minGram = a.getInt32("min_gram_length");
        int maxGram = a.getInt32("max_gram_length");
        int maxSkip = a.getInt32("max_skip_count");
        double[] out = new double[rows * w];
        for (int r = 0; r < rows; r++) {
            int start = minGram;
            for (int skip = 0; skip <= maxSkip && start <= maxGram; skip++) {
                count(x, r * cols, cols, skip + 1, start, maxGram, pool, out, r * w);
                if (start == 1) {
                    start = 2; // unigrams do not depend on the skip: count them once
                }
            }
        }
        weigh(ctx, a, out, w);
        int[] shape = x.rank() == 2 ? new int[] {rows, w} : new int[] {w};
        return List.of(Tensor.ofDoubles(FloatType.F32, shape, out));
    }

    /** Adds the n-grams (minGram ≤ n ≤ maxGram, items {@code step} apart) of one row to {@code out}. */
    private static void count(Tensor x, int base, int cols, int step, int minGram, int maxGram,
                              Map<List<Object>, Integer> pool, double[] out, int outBase) {
        for (int s = 0; s < cols; s++) {
            List<Object> gram = new ArrayList<>();
            for (int n = 1, at = s; n <= maxGram && at < cols; n++, at += step) {
                gram.add(item(x, base + at));
                Integer slot = n >= minGram ? pool.get(gram) : null;
                if (slot != null) {
                    out[outBase + slot]++;
                }
            }
        }
    }

    private static void weigh(EvalContext ctx, OpAttributes a, double[] out, int w) {
        String mode = a.getString("mode");
        double[] weights = a.getFloats("weights", null);
        if (weights != null && weights.length > 0 && weights.length < w) {
            throw ctx.error("has " + weights.length + " weights for " + w + " outputs");
        }
        boolean weighted = weights != null && weights.length > 0;
        for (int i = 0; i < out.length; i++) {
            double wt = weighted ? weights[i % w] : 1;
            switch (mode) {
                case "TF" -> { }
                case "IDF" -> out[i] = out[i] > 0 ? wt : 0;
                case "TFIDF" -> out[i] = out[i] * wt;
                default -> throw ctx.error("unknown mode '" + mode + "' (TF, IDF or TFIDF)");
            }
        }
    }

    private static Object item(Tensor x, int i) {
        return x.isStrings() ? x.strings()[i] : (Object) x.getLong(i);
    }

    /** Pool n-gram → output slot. */
    private static Map<List<Object>, Integer> pool(EvalContext ctx, OpAttributes a) {
        List<Object> items = new ArrayList<>();
        long[] ints = a.getInts("pool_int64s", null);
        List<String> strings = a.getStrings("pool_strings", null);
        if (ints != null && ints.length > 0) {
            for (long v : ints) {
                items.add(v);
            }
        } else if (strings != null) {
            items.addAll(strings);
        }
        long[] counts = a.getInts("ngram_counts", new long[0]);
        long[] indexes = a.getInts("ngram_indexes", new long[0]);
        Map<List<Object>, Integer> pool = new HashMap<>();
        int k = 0;
        for (int level = 0; level < counts.length; level++) {
            int n = level + 1;
            int from = (int) counts[level];
            int to = level + 1 < counts.length ? (int) counts[level + 1] : items.size();
            if (from < 0 || to > items.size() || from > to || (to - from) % n != 0) {
                throw ctx.error("ngram_counts does not split the pool of " + items.size() + " items into n-grams");
            }
            for (int p = from; p < to; p += n, k++) {
                if (k >= indexes.length) {
                    throw ctx.error("ngram_indexes has " + indexes.length + " entries, fewer than the pool's n-grams");
                }
                pool.put(List.copyOf(items.subList(p, p + n)), (int) indexes[k]);
            }
        }
        return pool;
    }
}
