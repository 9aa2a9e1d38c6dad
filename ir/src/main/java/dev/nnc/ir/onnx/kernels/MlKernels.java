package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The simple ops of domain {@code ai.onnx.ml}: {@code Binarizer}, {@code ArrayFeatureExtractor}
 * {@code LabelEncoder} (see {@link LabelEncoder}) {@code TreeEnsemble} (see {@link TreeEnsemble}) and the older
 * {@code TreeEnsembleRegressor} and {@code TreeEnsembleClassifier} (see {@link LegacyTrees}).
 */
public final class MlKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/ml.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("ml.Binarizer", Infer::sameAsFirst, MlKernels::binarizer);
        t.op("ml.ArrayFeatureExtractor", ctx -> Collections.singletonList(unranked(ctx.operandType(0))),
                MlKernels::arrayFeatureExtractor);
        t.op("ml.LabelEncoder", LabelEncoder::infer, LabelEncoder::evaluate);
        t.op("ml.TreeEnsemble", TreeEnsemble::infer, TreeEnsemble::evaluate);
        t.op("ml.TreeEnsembleRegressor", TreeEnsembleRegressor::infer, TreeEnsembleRegressor::evaluate);
        t.op("ml.TreeEnsembleClassifier", TreeEnsembleClassifier::infer, TreeEnsembleClassifier::evaluate);
    }

    private static Type unranked(Type t) {
        return t instanceof TensorType tt ? TensorType.unranked(tt.elementType()) : null;
    }

    /** 1 where x > threshold, else 0, in x's type. */
    private static List<Tensor> binarizer(EvalContext ctx) {
        Tensor x = ctx.input(0);
        double threshold = ctx.attrs().getFloat("threshold", 0.0);
        double[] in = x.toDoubles();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] > threshold ? 1 : 0;
        }
        return List.of(x.isLongs() ? Tensor.ofLongs(x.elementType(), x.shape(), toLongs(out))
                : Tensor.ofDoubles(x.elementType(), x.shape(), out));
    }

    private static long[] toLongs(double[] d) {
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (long) d[i];
        }
        return out;
    }

    /**
     * Picks the given indices along the last axis: shape {@code x.shape[:-1] + [count]} (a 1-D x
     * gives {@code [1, count]}), as onnx's reference implementation does.
     */
    private static List<Tensor> arrayFeatureExtractor(EvalContext ctx) {
        Tensor x = ctx.input(0);
        long[] idx = ctx.input(1).toLongs();
        int last = x.rank() == 0 ? 1 : x.dim(x.rank() - 1);
        for (long i : idx) {
            if (i < 0 || i >= last) {
                throw ctx.error("index " + i + " is out of range for a last axis of " + last);
            }
        }
        int[] shape = x.rank() <= 1 ? new int[] {1, idx.length} : x.shape().clone();
        if (x.rank() > 1) {
            shape[shape.length - 1] = idx.length;
        }
        int rows = x.size() / last;
        List<Integer> picks = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (long i : idx) {
                picks.add(r * last + (int) i);
            }
        }
        return List.of(gather(x, shape, picks));
    }

    /** The elements of x at the flat positions {@code picks}, as a tensor of {@code shape}. */
    static Tensor gather(Tensor x, int[] shape, List<Integer> picks) {
        int n = picks.size();
        if (x.isStrings()) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = x.strings()[picks.get(i)];
            }
            return Tensor.ofStrings(shape, out);
        }
        if (x.isLongs()) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = x.longs()[picks.get(i)];
            }
            return Tensor.ofLongs(x.elementType(), shape, out);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x.doubles()[picks.get(i)];
        }
        return Tensor.ofDoubles(x.elementType(), shape, out);
    }
}
