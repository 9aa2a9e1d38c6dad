package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MatMul and Gemm as calls of {@code Gemm}: transposed constant operands are pre-packed at
 * construction so the kernel always reads row-major [M,K]·[K,N]; Gemm's alpha, beta and C become
 * one epilogue call. MatMul batches whose operands are either full or broadcast are supported.
 */
final class LinearLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        if (op.opName().endsWith("Gemm")) {
            gemm(op, ctx);
        } else {
            matmul(op, ctx);
        }
    }

    private static void matmul(Operation op, LoweringContext ctx) {
        int[] as = ctx.shape(op.operand(0));
        int[] bs = ctx.shape(op.operand(1));
        int[] ys = ctx.shape(op.result(0));
        int m = as.length == 1 ? 1 : as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs.length == 1 ? 1 : bs[bs.length - 1];
        int batch = Math.toIntExact(product(ys) / ((long) m * n));
        String a = ctx.read(op.operand(0), op);
        String b = ctx.read(op.operand(1), op);
        String y = ctx.write(op.result(0), op);
        int aStride = batchStride(op, ctx, as, as.length == 1 ? 1 : 2, batch, m * k);
        int bStride = batchStride(op, ctx, bs, bs.length == 1 ? 1 : 2, batch, k * n);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("Gemm.matmul",
                List.of(a, aStride, b, bStride, y, batch, m, k, n, "parallel")))));
    }

    /** 0 for an operand without batch (broadcast), its matrix size for one with the full batch. */
    private static int batchStride(Operation op, LoweringContext ctx, int[] shape, int matrixDims, int batch, int size) {
        long own = product(Arrays.copyOfRange(shape, 0, shape.length - matrixDims));
        if (own == 1) {
            return 0;
        }
        if (own == batch) {
            return size;
        }
        throw ctx.unsupported(op, "batch dims broadcast partially (" + Arrays.toString(shape) + ")");
    }

    private static void gemm(Operation op, LoweringContext ctx) {
        OpAttributes attrs = ctx.attrs(op);
        boolean transA = attrs.getInt("transA", 0) != 0;
        boolean transB = attrs.getInt("transB", 0) != 0;
        int[] as = ctx.shape(op.operand(0));
        int[] bs = ctx.shape(op.operand(1));
        int m = transA ? as[1] : as[0];
        int k = transA ? as[0] : as[1];
        int n = transB ? bs[0] : bs[1];
        List<Call> calls = new ArrayList<>();
        String a = operand(op, ctx, 0, transA, as, calls);
        String b = operand(op, ctx, 1, transB, bs, calls);
        String y = ctx.write(op.result(0), op);
        calls.add(new Call("Gemm.matmul", List.of(a, 0, b, 0, y, 1, m, k, n, "parallel")));
        float alpha = (float) attrs.getFloat("alpha", 1);
        float beta = (float) attrs.getFloat("beta", 1);
        boolean hasC = op.numOperands() > 2 && op.operand(2).type() != NoneType.NONE;
        if (hasC || alpha != 1f) {
            Object c = "null";
            int rowStride = 0;
            int colStride = 0;
            if (hasC) {
                Value cv = op.operand(2);
                int[] cs = ctx.shape(cv);
                int cm = cs.length == 2 ? cs[0] : 1;
                int cn = cs.length == 0 ? 1 : cs[cs.length - 1];
                rowStride = cm == 1 ? 0 : cn;
                colStride = cn == 1 ? 0 : 1;
                c = ctx.read(cv, op);
            }
            calls.add(new Call("Gemm.scaleAdd", List.of(y, m, n, alpha, c, rowStride, colStride, beta)));
        }
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), calls));
        FusedActivation.addIfFused(op, ctx, y);
    }

    /** A Gemm operand in row-major (non-transposed) form: packed once if constant, else transposed per run. */
    private static String operand(Operation op, LoweringContext ctx, int i, boolean trans, int[] shape, List<Call> calls) {
        Value v = op.operand(i);
        if (!trans) {
            return ctx.read(v, op);
        }
        if (ctx.constant(v) != null) {
            return ctx.readTransposed(v, op, shape[0], shape[1]);
        }
        String src = ctx.read(v, op);
        String t = ctx.scratch(op, shape[0] * shape[1]);
        calls.add(new Call("Transpose.matrixInto", List.of(src, t, shape[0], shape[1])));
        return t;
    }

    static long product(int[] dims) {
        return Shapes.size(dims);
    }
}
