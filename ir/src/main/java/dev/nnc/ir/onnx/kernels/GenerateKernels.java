package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Ops that generate or mask values by position: {@code ConstantOfShape}, {@code Range},
 * {@code OneHot}, {@code EyeLike} and {@code Trilu}.
 */
public final class GenerateKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/generate.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("ConstantOfShape", GenerateKernels::inferConstantOfShape, ctx -> List.of(constantOfShape(ctx)));
        t.op("Range", GenerateKernels::inferRange, ctx -> List.of(range(ctx)));
        t.op("OneHot", ShapeVerifiers.axis("axis", 0, 1), GenerateKernels::inferOneHot, ctx -> List.of(oneHot(ctx)));
        t.op("EyeLike", GenerateKernels::inferEyeLike, ctx -> List.of(eyeLike(ctx)));
        t.op("Trilu", Infer::sameAsFirst, ctx -> List.of(trilu(ctx)));
    }

    private static Tensor fillValue(Tensor value) {
        return value != null ? value : Tensor.scalar(FloatType.F32, 0);
    }

    private static Tensor constantOfShape(EvalContext ctx) {
        Tensor value = fillValue(ctx.attrs().getTensor("value"));
        if (value.size() != 1) {
            throw ctx.error("value must hold exactly one element");
        }
        int[] shape = ShapeArgs.checkSize(ctx, ShapeArgs.toShape(ctx, ctx.input(0).toLongs()));
        return TensorGather.gather(value, shape, new int[(int) Shapes.size(shape)]);
    }

    private static List<Type> inferConstantOfShape(InferContext ctx) {
        ElementType e = fillValue(ctx.attrs().getTensor("value")).elementType();
        long[] shape = ShapeArgs.constantLongs(ctx, 0);
        if (shape == null || Arrays.stream(shape).anyMatch(v -> v < 0)) {
            int n = ShapeArgs.length(ctx, 0);
            return List.of(n < 0 ? TensorType.unranked(e) : ShapeArgs.ofRank(e, n));
        }
        return List.of(TensorType.of(e, shape));
    }

    /** Range's element count max(ceil((limit - start) / delta), 0), exact for integers; -1 when delta is 0. */
    static long rangeCount(Tensor start, Tensor limit, Tensor delta) {
        if (start.isDoubles()) {
            double d = delta.getDouble(0);
            return d == 0 ? -1 : (long) Math.max(Math.ceil((limit.getDouble(0) - start.getDouble(0)) / d), 0);
        }
        long d = delta.getLong(0);
        if (d == 0) {
            return -1;
        }
        // exact in BigInteger: limit - start and |Long.MIN_VALUE| overflow a long
        BigInteger span = BigInteger.valueOf(limit.getLong(0)).subtract(BigInteger.valueOf(start.getLong(0)));
        if (span.signum() == 0 || span.signum() != Long.signum(d)) {
            return 0;
        }
        BigInteger step = BigInteger.valueOf(d).abs();
        BigInteger count = span.abs().add(step).subtract(BigInteger.ONE).divide(step);
        return count.bitLength() < 64 ? count.longValue() : Long.MAX_VALUE;
    }

    private static Tensor range(EvalContext ctx) {
        Tensor start = ctx.input(0);
        long count = rangeCount(start, ctx.input(1), ctx.input(2));
        if (count < 0) {
            throw ctx.error("delta must not be 0");
        }
        int n = ShapeArgs.checkSize(ctx, new int[] {(int) Math.min(count, Integer.MAX_VALUE)})[0];
        if (start.isDoubles()) {
            double s = start.getDouble(0);
            double d = ctx.input(2).getDouble(0);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = s + i * d;
            }
            return Tensor.ofDoubles(start.elementType(), new int[] {n}, v);
        }
        long s = start.getLong(0);
        long d = ctx.input(2).getLong(0);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = s + i * d;
        }
        return Tensor.ofLongs(start.elementType(), new int[] {n}, v);
    }

    private static List<Type> inferRange(InferContext ctx) {
        ElementType e = ShapeArgs.element(ctx, 0);
        Tensor start = ShapeArgs.constant(ctx, 0);
        Tensor limit = ShapeArgs.constant(ctx, 1);
        Tensor delta = ShapeArgs.constant(ctx, 2);
        if (e != null && start != null && limit != null && delta != null && !start.isStrings()) {
            long n = rangeCount(start, limit, delta);
            if (n >= 0) {
                return List.of(TensorType.of(e, n));
            }
        }
        return ShapeArgs.one(e == null ? null : new TensorType(e, List.of(Dim.symbol(""))));
    }

    private static Tensor oneHot(EvalContext ctx) {
        Tensor indices = ctx.input(0);
        Tensor values = ctx.input(2);
        long depth = (long) ctx.input(1).getDouble(0);
        if (depth < 1 || values.size() != 2) {
            throw ctx.error("depth must be positive and values hold [off, on]");
        }
        if (depth > Integer.MAX_VALUE) {
            throw ctx.error("depth " + depth + " is more than the limit " + Shapes.maxElements() + " (" + Shapes.MAX_ELEMENTS_PROPERTY + ")");
        }
        int[] is = indices.shape();
        int r = is.length + 1;
        int axis = ShapeArgs.axis(ctx, ctx.attrs().getInt("axis", -1), r);
        int[] out = new int[r];
        for (int d = 0, k = 0; d < r; d++) {
            out[d] = d == axis ? Math.toIntExact(depth) : is[k++];
        }
        ShapeArgs.checkSize(ctx, out);
        int outer = (int) Shapes.size(Arrays.copyOf(is, axis));
        int inner = (int) Shapes.size(Arrays.copyOfRange(is, axis, is.length));
        int[] idx = new int[(int) Shapes.size(out)];
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < depth; c++) {
                for (int i = 0; i < inner; i++) {
                    double raw = indices.getDouble(o * inner + i);
                    long hot = (long) (raw < 0 ? raw + depth : raw);
                    idx[(o * (int) depth + c) * inner + i] = hot == c ? 1 : 0;
                }
            }
        }
        return TensorGather.gather(values, out, idx);
    }

    private static List<Type> inferOneHot(InferContext ctx) {
        int r = ShapeArgs.rank(ctx, 0);
        return ShapeArgs.one(ShapeArgs.ofRank(ShapeArgs.element(ctx, 2), r < 0 ? -1 : r + 1));
    }

    private static ElementType eyeType(EvalContext ctx) {
        if (ctx.attrs().get("dtype") == null) {
            return ctx.input(0).elementType();
        }
        int code = ctx.attrs().getInt32("dtype");
        return OnnxDataType.toElementType(code)
                .orElseThrow(() -> ctx.error("unsupported dtype " + OnnxDataType.name(code)));
    }

    private static Tensor eyeLike(EvalContext ctx) {
        Tensor x = ctx.input(0);
        if (x.rank() != 2) {
            throw ctx.error("EyeLike needs a rank-2 input");
        }
        ElementType t = eyeType(ctx);
        long k = ctx.attrs().getInt("k", 0);
        int rows = x.dim(0);
        int cols = x.dim(1);
        Tensor one = Tensor.scalar(t, 1);
        int[] idx = new int[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                idx[i * cols + j] = j - i == k ? 0 : -1;
            }
        }
        return TensorGather.gather(one, new int[] {rows, cols}, idx);
    }

    private static List<Type> inferEyeLike(InferContext ctx) {
        TensorType x = ShapeArgs.ranked(ctx, 0);
        if (x == null) {
            return ShapeArgs.one(null);
        }
        if (ctx.attrs().get("dtype") == null) {
            return List.of(x);
        }
        return ShapeArgs.one(OnnxDataType.toElementType(ctx.attrs().getInt32("dtype")).map(x::withElementType).orElse(null));
    }

    private static Tensor trilu(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] s = x.shape();
        if (s.length < 2) {
            throw ctx.error("Trilu needs an input of rank at least 2");
        }
        long k = ctx.hasInput(1) ? ctx.input(1).getLong(0) : 0;
        boolean upper = ctx.attrs().getInt("upper", 1) != 0;
        int rows = s[s.length - 2];
        int cols = s[s.length - 1];
        int[] idx = new int[x.size()];
        for (int i = 0; i < idx.length; i++) {
            int col = i % Math.max(cols, 1);
            int row = (i / Math.max(cols, 1)) % Math.max(rows, 1);
            long diag = (long) col - row;
            boolean keep = upper ? diag >= k : diag <= k;
            idx[i] = keep ? i : -1;
        }
        return TensorGather.gather(x, s, idx);
    }
}
