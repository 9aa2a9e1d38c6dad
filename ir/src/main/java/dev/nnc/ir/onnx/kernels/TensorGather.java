package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import java.util.List;

/**
 * Builds a tensor by picking elements of other tensors by flat index, whatever their storage
 * ({@code double[]}, {@code long[]} or {@code String[]}). Data-movement ops compute only the
 * source indices, so each is written once for every element type.
 */
public final class TensorGather {
    private TensorGather() {
    }

    /** {@code out[i] = src[idx[i]]}, with the element type of {@code src}. */
    public static Tensor gather(Tensor src, int[] shape, int[] idx) {
        return gather(src, shape, idx, null);
    }

    /**
     * {@code out[i] = src[idx[i]]}, or the single element of {@code fill} where {@code idx[i] < 0}
     * (fill may be null when no index is negative; then zero / empty string is used).
     */
    public static Tensor gather(Tensor src, int[] shape, int[] idx, Tensor fill) {
        ElementType t = src.elementType();
        int n = idx.length;
        if (src.isDoubles()) {
            double[] s = src.doubles();
            double f = fill == null ? 0 : fill.getDouble(0);
            double[] o = new double[n];
            for (int i = 0; i < n; i++) {
                o[i] = idx[i] < 0 ? f : s[idx[i]];
            }
            return Tensor.ofDoubles(t, shape, o);
        }
        if (src.isLongs()) {
            long[] s = src.longs();
            long f = fill == null ? 0 : fill.getLong(0);
            long[] o = new long[n];
            for (int i = 0; i < n; i++) {
                o[i] = idx[i] < 0 ? f : s[idx[i]];
            }
            return Tensor.ofLongs(t, shape, o);
        }
        String[] s = src.strings();
        String f = fill == null ? "" : fill.strings()[0];
        String[] o = new String[n];
        for (int i = 0; i < n; i++) {
            o[i] = idx[i] < 0 ? f : s[idx[i]];
        }
        return Tensor.ofStrings(shape, o);
    }

    /**
     * Picks from several tensors of one element type: {@code out[i] = srcs[which[i]][idx[i]]}
     * (Concat, ScatterElements without reduction).
     */
    public static Tensor gatherMany(List<Tensor> srcs, int[] shape, int[] which, int[] idx) {
        Tensor first = srcs.get(0);
        ElementType t = first.elementType();
        int n = idx.length;
        if (first.isDoubles()) {
            double[] o = new double[n];
            double[][] s = srcs.stream().map(Tensor::doubles).toArray(double[][]::new);
            for (int i = 0; i < n; i++) {
                o[i] = s[which[i]][idx[i]];
            }
            return Tensor.ofDoubles(t, shape, o);
        }
        if (first.isLongs()) {
            long[] o = new long[n];
            long[][] s = srcs.stream().map(Tensor::longs).toArray(long[][]::new);
            for (int i = 0; i < n; i++) {
                o[i] = s[which[i]][idx[i]];
            }
            return Tensor.ofLongs(t, shape, o);
        }
        String[] o = new String[n];
        String[][] s = srcs.stream().map(Tensor::strings).toArray(String[][]::new);
        for (int i = 0; i < n; i++) {
            o[i] = s[which[i]][idx[i]];
        }
        return Tensor.ofStrings(shape, o);
    }

    /** Transposes {@code src} by {@code perm} (output axis i is input axis perm[i]). */
    public static Tensor transpose(Tensor src, int[] perm) {
        int[] in = src.shape();
        int[] inStrides = Shapes.strides(in);
        int[] out = new int[perm.length];
        int[] strides = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = in[perm[i]];
            strides[i] = inStrides[perm[i]];
        }
        return gather(src, out, Shapes.strided(out, strides, 0));
    }

    /**
     * Source indices when each output axis maps independently: output coordinate {@code o} on
     * axis {@code d} reads input coordinate {@code maps[d][o]}, or nothing (index -1, i.e. fill)
     * when that is negative (Pad, CenterCropPad, Resize nearest).
     */
    public static int[] byAxisMaps(int[] inShape, int[] outShape, int[][] maps) {
        int n = Math.toIntExact(Shapes.size(outShape));
        int r = outShape.length;
        int[] inStrides = Shapes.strides(inShape);
        int[] idx = new int[n];
        int[] m = new int[r];
        for (int i = 0; i < n; i++) {
            int src = 0;
            for (int d = 0; d < r && src >= 0; d++) {
                int c = maps[d][m[d]];
                src = c < 0 ? -1 : src + c * inStrides[d];
            }
            idx[i] = src;
            for (int d = r - 1; d >= 0; d--) {
                if (++m[d] < outShape[d]) {
                    break;
                }
                m[d] = 0;
            }
        }
        return idx;
    }

    /** Flat index of a multi-index under row-major strides. */
    public static int ravel(int[] m, int[] strides) {
        int flat = 0;
        for (int d = 0; d < m.length; d++) {
            flat += m[d] * strides[d];
        }
        return flat;
    }

    /** Multi-index of a flat index in a shape. */
    public static int[] unravel(int flat, int[] shape) {
        int[] m = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] > 0) {
                m[d] = flat % shape[d];
                flat /= shape[d];
            }
        }
        return m;
    }
}
