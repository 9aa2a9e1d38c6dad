package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code Col2Im}: the inverse of im2col. Input [N, C * prod(block), L] holds one column per
 * sliding-block position; each value is added into the image [N, C, image_shape...] at
 * {@code col * stride - pad_begin + k * dilation} (outside positions dropped).
 */
public final class Col2Im {
    private Col2Im() {
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        String op = ctx.op().name();
        Tensor data = ctx.input(0);
        int[] image = toInts(NnUtil.longs(ctx.input(1)));
        int[] block = toInts(NnUtil.longs(ctx.input(2)));
        int r = image.length;
        if (block.length != r || data.rank() != 3) {
            throw ctx.error("input must be [N, C*prod(block), L] and image_shape/block_shape of equal length");
        }
        int[] s = Window.ints(op, ctx.attrs(), "strides", r, 1);
        int[] d = Window.ints(op, ctx.attrs(), "dilations", r, 1);
        int[] p = Window.ints(op, ctx.attrs(), "pads", 2 * r, 0);
        int[] cols = new int[r];
        for (int i = 0; i < r; i++) {
            cols[i] = Math.floorDiv(image[i] + p[i] + p[i + r] - (d[i] * (block[i] - 1) + 1), s[i]) + 1;
        }
        int kSize = NnUtil.product(block, 0, r);
        int colSize = NnUtil.product(cols, 0, r);
        int imSize = NnUtil.product(image, 0, r);
        int[] ds = data.shape();
        if (ds[1] % kSize != 0 || ds[2] != colSize) {
            throw ctx.error("input shape " + Arrays.toString(ds) + " does not match block " + Arrays.toString(block)
                    + " and " + colSize + " block positions");
        }
        int n = ds[0];
        int c = ds[1] / kSize;
        int[] outShape = new int[r + 2];
        outShape[0] = n;
        outShape[1] = c;
        System.arraycopy(image, 0, outShape, 2, r);
        ShapeArgs.checkSize(ctx, outShape);
        double[] out = accumulate(NnUtil.values(data), n * c, image, block, cols, s, d, p);
        return List.of(Tensor.ofDoubles(data.elementType(), outShape, out));
    }

    /**
     * The adds of Col2Im: {@code in} is [planes, prod(block), prod(cols)], the result [planes,
     * prod(image)]; each value goes to {@code col * stride - pad_begin + k * dilation} when that is
     * inside the image. The CPU backend's Col2Im runs it too.
     */
    public static double[] accumulate(double[] in, int planes, int[] image, int[] block, int[] cols, int[] s, int[] d,
                                      int[] p) {
        int r = image.length;
        int kSize = NnUtil.product(block, 0, r);
        int colSize = NnUtil.product(cols, 0, r);
        int imSize = NnUtil.product(image, 0, r);
        double[] out = new double[planes * imSize];
        int[] imStrides = dev.nnc.ir.tensor.Shapes.strides(image);
        int[] kIdx = new int[r];
        int[] colIdx = new int[r];
        for (int kc = 0; kc < kSize; kc++) {
            unravel(kc, block, kIdx);
            for (int col = 0; col < colSize; col++) {
                unravel(col, cols, colIdx);
                int im = 0;
                boolean inside = true;
                for (int i = 0; i < r && inside; i++) {
                    int pos = colIdx[i] * s[i] - p[i] + kIdx[i] * d[i];
                    inside = pos >= 0 && pos < image[i];
                    im += pos * imStrides[i];
                }
                if (!inside) {
                    continue;
                }
                for (int plane = 0; plane < planes; plane++) {
                    out[plane * imSize + im] += in[(plane * kSize + kc) * colSize + col];
                }
            }
        }
        return out;
    }

    private static void unravel(int flat, int[] dims, int[] idx) {
        for (int i = dims.length - 1; i >= 0; i--) {
            idx[i] = flat % dims[i];
            flat /= dims[i];
        }
    }

    private static int[] toInts(long[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.toIntExact(v[i]);
        }
        return r;
    }

    /** Only the rank is known statically (image_shape is an input): [N, C, ?...]. */
    static List<Type> infer(InferContext ctx) {
        ElementType e = Infer.elementType(ctx.operandType(0));
        return Collections.singletonList(e == null ? null : TensorType.unranked(e));
    }
}
