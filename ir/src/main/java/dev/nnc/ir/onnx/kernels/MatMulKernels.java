package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Matrix products: {@code Gemm} (transposes, alpha, beta, C broadcast to [M, N]), {@code MatMul}
 * (numpy matmul), {@code MatMulInteger} (zero points, i32 result) and {@code Einsum}.
 */
public final class MatMulKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/matmul.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Gemm", MatMulKernels::inferGemm, ctx -> FixedKernels.applies(ctx) ? FixedLinear.gemm(ctx) : gemm(ctx));
        t.op("MatMul", ctx -> inferMatMul(ctx, null), ctx -> FixedKernels.applies(ctx) ? FixedLinear.matmul(ctx) : matmul(ctx));
        t.op("MatMulInteger", ctx -> inferMatMul(ctx, IntegerType.I32), MatMulKernels::matmulInteger);
        t.op("Einsum", ctx -> Collections.singletonList(Einsum.inferType(ctx)), Einsum::evaluate);
    }

    private static List<Tensor> matmul(EvalContext ctx) {
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        MatMulCore.Plan p = MatMulCore.plan(ctx.op().name(), a.shape(), b.shape());
        if (a.elementType().isFloat()) {
            return List.of(Tensor.ofDoubles(a.elementType(), p.outShape(), MatMulCore.multiply(p, NnUtil.values(a), NnUtil.values(b))));
        }
        return List.of(Tensor.ofLongs(a.elementType(), p.outShape(), MatMulCore.multiply(p, NnUtil.longs(a), NnUtil.longs(b))));
    }

    private static List<Tensor> matmulInteger(EvalContext ctx) {
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        MatMulCore.Plan p = MatMulCore.plan(ctx.op().name(), a.shape(), b.shape());
        String op = ctx.op().name();
        long[] av = MatMulCore.minusZeroPoint(op, NnUtil.longs(a), zeroPoint(ctx, 2), p.m(), p.k(), true);
        long[] bv = MatMulCore.minusZeroPoint(op, NnUtil.longs(b), zeroPoint(ctx, 3), p.k(), p.n(), false);
        return List.of(Tensor.ofLongs(IntegerType.I32, p.outShape(), MatMulCore.multiply(p, av, bv)));
    }

    /** The longs of optional input i, or null. */
    static long[] zeroPoint(EvalContext ctx, int i) {
        return ctx.hasInput(i) ? NnUtil.longs(ctx.input(i)) : null;
    }

    /** Gemm dims after the transposes: A' is [M, K], B' is [K, N]. */
    private record GemmDims(int m, int k, int n) {
    }

    private static GemmDims gemmDims(String op, OpAttributes at, int[] a, int[] b) {
        if (a.length != 2 || b.length != 2) {
            throw new NncException(op + ": A and B must be matrices, got " + Arrays.toString(a) + " and " + Arrays.toString(b));
        }
        boolean ta = at.getInt("transA", 0) != 0;
        boolean tb = at.getInt("transB", 0) != 0;
        int m = ta ? a[1] : a[0];
        int k = ta ? a[0] : a[1];
        int kb = tb ? b[1] : b[0];
        int n = tb ? b[0] : b[1];
        if (k != kb) {
            throw new NncException(op + ": inner dimensions differ: " + Arrays.toString(a) + " x " + Arrays.toString(b));
        }
        return new GemmDims(m, k, n);
    }

    private static List<Tensor> gemm(EvalContext ctx) {
        String op = ctx.op().name();
        OpAttributes at = ctx.attrs();
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        Tensor c = ctx.input(2);
        GemmDims d = gemmDims(op, at, a.shape(), b.shape());
        boolean ta = at.getInt("transA", 0) != 0;
        boolean tb = at.getInt("transB", 0) != 0;
        double alpha = at.getFloat("alpha", 1.0);
        double beta = at.getFloat("beta", 1.0);
        int[] outShape = {d.m(), d.n()};
        int[] cIdx = null;
        if (c != null) {
            if (Shapes.broadcast(c.shape(), outShape) == null || c.rank() > 2
                    || !Arrays.equals(Shapes.broadcast(c.shape(), outShape), outShape)) {
                throw new NncException(op + ": C of shape " + Arrays.toString(c.shape()) + " does not broadcast to " + Arrays.toString(outShape));
            }
            cIdx = Shapes.broadcastIndex(c.shape(), outShape);
        }
        MatMulCore.Plan p = MatMulCore.plan(op, outShape(d.m(), d.k()), outShape(d.k(), d.n()));
        if (a.elementType().isFloat()) {
            double[] av = ta ? MatMulCore.transpose(NnUtil.values(a), d.k(), d.m()) : NnUtil.values(a);
            double[] bv = tb ? MatMulCore.transpose(NnUtil.values(b), d.n(), d.k()) : NnUtil.values(b);
            double[] y = MatMulCore.multiply(p, av, bv);
            double[] cv = c == null ? null : NnUtil.values(c);
            for (int i = 0; i < y.length; i++) {
                y[i] = alpha * y[i] + (cv == null ? 0 : beta * cv[cIdx[i]]);
            }
            return List.of(Tensor.ofDoubles(a.elementType(), outShape, y));
        }
        long[] av = ta ? MatMulCore.transpose(NnUtil.longs(a), d.k(), d.m()) : NnUtil.longs(a);
        long[] bv = tb ? MatMulCore.transpose(NnUtil.longs(b), d.n(), d.k()) : NnUtil.longs(b);
        long[] y = MatMulCore.multiply(p, av, bv);
        long[] cv = c == null ? null : NnUtil.longs(c);
        boolean unit = alpha == 1.0 && beta == 1.0;
        for (int i = 0; i < y.length; i++) {
            long cvi = cv == null ? 0 : cv[cIdx[i]];
            // non-unit alpha/beta on integers: computed in double, truncated as numpy's astype does
            y[i] = unit ? y[i] + cvi : (long) (alpha * y[i] + (cv == null ? 0 : beta * cvi));
        }
        return List.of(Tensor.ofLongs(a.elementType(), outShape, y));
    }

    private static int[] outShape(int r, int c) {
        return new int[] {r, c};
    }

    private static List<Type> inferGemm(InferContext ctx) {
        ElementType e = Infer.elementType(ctx.operandType(0));
        int[] a = NnUtil.shape(ctx.operandType(0));
        int[] b = NnUtil.shape(ctx.operandType(1));
        if (e == null || a == null || b == null) {
            return Collections.singletonList(e == null ? null : TensorType.unranked(e));
        }
        GemmDims d = gemmDims(ctx.op().name(), ctx.attrs(), a, b);
        return List.of(TensorType.of(e, d.m(), d.n()));
    }

    private static List<Type> inferMatMul(InferContext ctx, ElementType forced) {
        ElementType e = forced != null ? forced : Infer.elementType(ctx.operandType(0));
        int[] a = NnUtil.shape(ctx.operandType(0));
        int[] b = NnUtil.shape(ctx.operandType(1));
        if (e == null || a == null || b == null) {
            return Collections.singletonList(e == null ? null : TensorType.unranked(e));
        }
        return List.of(TensorType.of(e, MatMulCore.plan(ctx.op().name(), a, b).outShape()));
    }
}
