package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the neural-network kernel families (conv, matmul, pool, norm, quant). */
final class NnUtil {
    private NnUtil() {
    }

    /** The values of a numeric tensor as doubles; the backing array when already float (do not modify). */
    static double[] values(Tensor t) {
        return t.isDoubles() ? t.doubles() : t.toDoubles();
    }

    /** The values of an integer tensor as longs; the backing array (do not modify). */
    static long[] longs(Tensor t) {
        return t.isLongs() ? t.longs() : t.toLongs();
    }

    /** A tensor of {@code type} from double results: rounded for floats, rounded half-even then wrapped for ints. */
    static Tensor fromDoubles(ElementType type, int[] shape, double[] v) {
        if (type.isFloat()) {
            return Tensor.ofDoubles(type, shape, v);
        }
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = (long) Math.rint(v[i]);
        }
        return Tensor.ofLongs(type, shape, l);
    }

    /** The dims of a ranked tensor type, or null. */
    static List<Dim> dims(Type t) {
        return t instanceof TensorType tt && tt.hasRank() ? tt.dims() : null;
    }

    /** The static shape of a tensor type, or null. */
    static int[] shape(Type t) {
        return t instanceof TensorType tt && tt.isStatic() ? tt.shape() : null;
    }

    /** A known size or -1. */
    static long known(Dim d) {
        return d instanceof Dim.Known k ? k.size() : -1;
    }

    /**
     * A tensor type from sizes; a size of -1 takes the symbolic dim at the same position of
     * {@code like} (so a named batch dim such as {@code ?N} survives), else an anonymous symbol.
     */
    static TensorType typeOf(ElementType e, long[] dims, Type like) {
        List<Dim> src = dims(like);
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] >= 0) {
                out.add(Dim.of(dims[i]));
            } else if (src != null && i < src.size() && src.get(i) instanceof Dim.Symbolic sym) {
                out.add(sym);
            } else {
                out.add(Dim.symbol(""));
            }
        }
        return new TensorType(e, out);
    }

    /** Known sizes of all dims (-1 for symbolic), or null when unranked. */
    static long[] sizes(Type t) {
        List<Dim> d = dims(t);
        if (d == null) {
            return null;
        }
        long[] r = new long[d.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = known(d.get(i));
        }
        return r;
    }

    static int product(int[] shape, int from, int to) {
        int n = 1;
        for (int i = from; i < to; i++) {
            n *= shape[i];
        }
        return n;
    }

    static int[] slice(int[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }
}
