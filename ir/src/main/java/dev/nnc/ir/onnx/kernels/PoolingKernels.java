package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Pooling: {@code MaxPool} (with the optional argmax output, {@code storage_order}),
 * {@code AveragePool} ({@code count_include_pad}), {@code LpPool}, the global variants and
 * {@code MaxUnpool}. All take {@code ceil_mode}, dilations and {@code auto_pad} where ONNX does.
 */
public final class PoolingKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/pooling.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("MaxPool", new WindowVerifier(), PoolingKernels::inferPool,
                ctx -> FixedKernels.applies(ctx) ? FixedWindowKernels.maxPool(ctx) : pool(ctx, PoolCore.Kind.MAX));
        t.op("AveragePool", new WindowVerifier(), PoolingKernels::inferPool,
                ctx -> FixedKernels.applies(ctx) ? FixedAveragePool.averagePool(ctx) : pool(ctx, PoolCore.Kind.AVERAGE));
        t.op("LpPool", new WindowVerifier(), PoolingKernels::inferPool, ctx -> pool(ctx, PoolCore.Kind.LP));
        t.op("GlobalMaxPool", PoolingKernels::inferGlobal, ctx -> global(ctx, PoolCore.Kind.MAX));
        t.op("GlobalAveragePool", PoolingKernels::inferGlobal,
                ctx -> FixedKernels.applies(ctx) ? FixedAveragePool.globalAveragePool(ctx) : global(ctx, PoolCore.Kind.AVERAGE));
        t.op("GlobalLpPool", PoolingKernels::inferGlobal, ctx -> global(ctx, PoolCore.Kind.LP));
        t.op("MaxUnpool", PoolingKernels::inferUnpool, PoolingKernels::maxUnpool);
    }

    private static Window window(String op, OpAttributes a, int[] xShape) {
        if (xShape.length < 3) {
            throw new NncException(op + ": input must have rank >= 3 (N, C, spatial...), got " + Arrays.toString(xShape));
        }
        int r = xShape.length - 2;
        long[] ks = a.getInts("kernel_shape", null);
        if (ks == null || ks.length != r) {
            throw new NncException(op + ": kernel_shape must have " + r + " values");
        }
        int[] k = new int[r];
        for (int i = 0; i < r; i++) {
            k[i] = Math.toIntExact(ks[i]);
        }
        return Window.of(op, a, NnUtil.slice(xShape, 2, xShape.length), k, a.getInt("ceil_mode", 0) != 0);
    }

    private static List<Tensor> pool(EvalContext ctx, PoolCore.Kind kind) {
        String op = ctx.op().name();
        OpAttributes a = ctx.attrs();
        Tensor x = ctx.input(0);
        int[] xs = x.shape();
        Window w = window(op, a, xs);
        int planes = xs[0] * xs[1];
        boolean wantIdx = kind == PoolCore.Kind.MAX && ctx.numOutputs() > 1;
        int[] outShape = ConvolutionKernels.outShape(xs[0], xs[1], w.out());
        long[] idx = wantIdx ? new long[planes * w.outSize()] : null;
        double p = a.getFloat("p", 2);
        double[] y = PoolCore.pool(NnUtil.values(x), planes, w.as3d(op), kind, a.getInt("count_include_pad", 0) != 0, p,
                idx, a.getInt("storage_order", 0) != 0, w.in());
        List<Tensor> out = new ArrayList<>();
        out.add(NnUtil.fromDoubles(x.elementType(), outShape, y));
        if (wantIdx) {
            out.add(Tensor.ofLongs(IntegerType.I64, outShape, idx));
        }
        return out;
    }

    private static List<Tensor> global(EvalContext ctx, PoolCore.Kind kind) {
        Tensor x = ctx.input(0);
        int[] xs = x.shape();
        if (xs.length < 2) {
            throw ctx.error("input must have rank >= 2");
        }
        int planes = xs[0] * xs[1];
        int sp = NnUtil.product(xs, 2, xs.length);
        double[] v = NnUtil.values(x);
        double p = ctx.attrs().getFloat("p", 2);
        double[] y = new double[planes];
        for (int pl = 0; pl < planes; pl++) {
            double acc = kind == PoolCore.Kind.MAX ? Double.NEGATIVE_INFINITY : 0;
            for (int i = pl * sp; i < (pl + 1) * sp; i++) {
                switch (kind) {
                    case MAX -> acc = Math.max(acc, v[i]);
                    case AVERAGE -> acc += v[i];
                    case LP -> acc += Math.pow(Math.abs(v[i]), p);
                }
            }
            y[pl] = kind == PoolCore.Kind.AVERAGE ? acc / sp : kind == PoolCore.Kind.LP ? Math.pow(acc, 1 / p) : acc;
        }
        int[] outShape = new int[xs.length];
        Arrays.fill(outShape, 1);
        outShape[0] = xs[0];
        outShape[1] = xs[1];
        return List.of(NnUtil.fromDoubles(x.elementType(), outShape, y));
    }

    /**
     * Scatters X into zeros at the flat positions given by I (as produced by MaxPool) in the
     * inferred unpooled shape; a given output_shape receives that result in its leading corner.
     */
    private static List<Tensor> maxUnpool(EvalContext ctx) {
        String op = ctx.op().name();
        Tensor x = ctx.input(0);
        Tensor ind = ctx.input(1);
        int[] inferred = unpoolShape(op, ctx.attrs(), x.shape());
        int n = NnUtil.product(inferred, 0, inferred.length);
        double[] xv = NnUtil.values(x);
        long[] iv = NnUtil.longs(ind);
        if (iv.length != xv.length) {
            throw ctx.error("indices must have the shape of X");
        }
        double[] y = new double[n];
        for (int i = 0; i < xv.length; i++) {
            if (iv[i] < 0 || iv[i] >= n) {
                throw ctx.error("index " + iv[i] + " out of range for output of " + n + " elements");
            }
            y[(int) iv[i]] = xv[i];
        }
        if (!ctx.hasInput(2)) {
            return List.of(NnUtil.fromDoubles(x.elementType(), inferred, y));
        }
        long[] os = NnUtil.longs(ctx.input(2));
        int[] outShape = ShapeArgs.toShape(ctx, os);
        for (int i = 0; i < os.length; i++) {
            if (os.length != inferred.length || outShape[i] < inferred[i]) {
                throw ctx.error("output_shape " + Arrays.toString(os) + " is smaller than the unpooled shape " + Arrays.toString(inferred));
            }
        }
        ShapeArgs.checkSize(ctx, outShape);
        double[] out = new double[NnUtil.product(outShape, 0, outShape.length)];
        int[] inStrides = dev.nnc.ir.tensor.Shapes.strides(inferred);
        int[] outStrides = dev.nnc.ir.tensor.Shapes.strides(outShape);
        for (int i = 0; i < n; i++) {
            int o = 0;
            for (int d = 0; d < inferred.length; d++) {
                o += i / inStrides[d] % inferred[d] * outStrides[d];
            }
            out[o] = y[i];
        }
        return List.of(NnUtil.fromDoubles(x.elementType(), outShape, out));
    }

    private static int[] unpoolShape(String op, OpAttributes a, int[] xs) {
        int r = xs.length - 2;
        if (r < 1) {
            throw new NncException(op + ": input must have rank >= 3");
        }
        int[] k = Window.ints(op, a, "kernel_shape", r, 1);
        int[] s = Window.ints(op, a, "strides", r, 1);
        int[] p = Window.ints(op, a, "pads", 2 * r, 0);
        int[] out = xs.clone();
        for (int i = 0; i < r; i++) {
            out[i + 2] = (xs[i + 2] - 1) * s[i] + k[i] - p[i] - p[i + r];
        }
        return out;
    }

    private static List<Type> inferPool(InferContext ctx) {
        ElementType e = Infer.elementType(ctx.operandType(0));
        int n = ctx.op().numResults();
        long[] x = NnUtil.sizes(ctx.operandType(0));
        List<Type> out = new ArrayList<>(Infer.unknown(n));
        if (e == null) {
            return out;
        }
        out.set(0, TensorType.unranked(e));
        if (n > 1) {
            out.set(1, TensorType.unranked(IntegerType.I64));
        }
        if (x == null || x.length < 3) {
            return out;
        }
        int[] in = new int[x.length - 2];
        for (int i = 0; i < in.length; i++) {
            if (x[i + 2] < 0) {
                return out;
            }
            in[i] = (int) x[i + 2];
        }
        long[] ks = ctx.attrs().getInts("kernel_shape", null);
        if (ks == null || ks.length != in.length) {
            return out;
        }
        int[] k = Arrays.stream(ks).mapToInt(Math::toIntExact).toArray();
        Window w = Window.of(ctx.op().name(), ctx.attrs(), in, k, ctx.attrs().getInt("ceil_mode", 0) != 0);
        long[] shape = x.clone();
        for (int i = 0; i < in.length; i++) {
            shape[i + 2] = w.out()[i];
        }
        out.set(0, NnUtil.typeOf(e, shape, ctx.operandType(0)));
        if (n > 1) {
            out.set(1, NnUtil.typeOf(IntegerType.I64, shape, ctx.operandType(0)));
        }
        return out;
    }

    private static List<Type> inferGlobal(InferContext ctx) {
        ElementType e = Infer.elementType(ctx.operandType(0));
        long[] x = NnUtil.sizes(ctx.operandType(0));
        if (e == null || x == null || x.length < 2) {
            return Collections.singletonList(e == null ? null : TensorType.unranked(e));
        }
        long[] shape = x.clone();
        for (int i = 2; i < shape.length; i++) {
            shape[i] = 1;
        }
        return List.of(NnUtil.typeOf(e, shape, ctx.operandType(0)));
    }

    private static List<Type> inferUnpool(InferContext ctx) {
        ElementType e = Infer.elementType(ctx.operandType(0));
        int[] x = NnUtil.shape(ctx.operandType(0));
        if (e == null || x == null || ctx.operandTypes().size() > 2 && !(ctx.operandType(2) instanceof dev.nnc.ir.type.NoneType)) {
            return Collections.singletonList(e == null ? null : TensorType.unranked(e));
        }
        return List.of(TensorType.of(e, unpoolShape(ctx.op().name(), ctx.attrs(), x)));
    }
}
