package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.Arrays;
import java.util.List;

/**
 * MatMul and Gemm on fixed-point tensors: every product is exact and summed in the dot-product
 * accumulator {@link FixedRules#dot} (Gemm's bias joins by {@link FixedRules#sum}), then one cast
 * to the declared result type (see {@link FixedKernels}).
 */
public final class FixedLinear {
    private FixedLinear() {
    }

    public static List<Tensor> matmul(EvalContext ctx) {
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        FixedType ta = FixedKernels.fixed(ctx, a, "A");
        FixedType tb = FixedKernels.fixed(ctx, b, "B");
        int[] as = a.rank() == 1 ? new int[] {1, a.dim(0)} : a.shape();
        int[] bs = b.rank() == 1 ? new int[] {b.dim(0), 1} : b.shape();
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs[bs.length - 1];
        if (bs[bs.length - 2] != k) {
            throw ctx.error("inner dimensions differ: " + Arrays.toString(a.shape()) + " x " + Arrays.toString(b.shape()));
        }
        int[] batchA = Arrays.copyOf(as, as.length - 2);
        int[] batchB = Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Shapes.broadcast(batchA, batchB);
        if (batch == null) {
            throw ctx.error("batch dimensions " + Arrays.toString(batchA) + " and " + Arrays.toString(batchB) + " do not broadcast");
        }
        FixedType acc = FixedKernels.exact(ctx, () -> FixedRules.dot(ta, tb, k));
        int[] ia = Shapes.broadcastIndex(batchA, batch);
        int[] ib = Shapes.broadcastIndex(batchB, batch);
        long[] la = a.longs();
        long[] lb = b.longs();
        long[] out = new long[ia.length * m * n];
        for (int p = 0; p < ia.length; p++) {
            int offA = ia[p] * m * k;
            int offB = ib[p] * k * n;
            int offY = p * m * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    long s = 0;
                    for (int q = 0; q < k; q++) {
                        s += la[offA + i * k + q] * lb[offB + q * n + j];
                    }
                    out[offY + i * n + j] = s;
                }
            }
        }
        return List.of(FixedKernels.finish(ctx, out, acc, resultShape(a, b, batch, m, n)));
    }

    private static int[] resultShape(Tensor a, Tensor b, int[] batch, int m, int n) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = m;
        s[batch.length + 1] = n;
        if (a.rank() == 1 && b.rank() == 1) {
            return new int[0];
        }
        if (a.rank() == 1) {
            return dropAt(s, s.length - 2);
        }
        return b.rank() == 1 ? dropAt(s, s.length - 1) : s;
    }

    private static int[] dropAt(int[] s, int i) {
        int[] r = new int[s.length - 1];
        System.arraycopy(s, 0, r, 0, i);
        System.arraycopy(s, i + 1, r, i, s.length - i - 1);
        return r;
    }

    public static List<Tensor> gemm(EvalContext ctx) {
        if (ctx.attrs().getFloat("alpha", 1) != 1 || ctx.attrs().getFloat("beta", 1) != 1) {
            throw ctx.error("fixed-point Gemm needs alpha = beta = 1; fold the scales into the weights");
        }
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        Tensor c = ctx.input(2);
        FixedType ta = FixedKernels.fixed(ctx, a, "A");
        FixedType tb = FixedKernels.fixed(ctx, b, "B");
        if (a.rank() != 2 || b.rank() != 2) {
            throw ctx.error("A and B must be matrices");
        }
        boolean transA = ctx.attrs().getInt("transA", 0) != 0;
        boolean transB = ctx.attrs().getInt("transB", 0) != 0;
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int n = transB ? b.dim(0) : b.dim(1);
        if ((transB ? b.dim(1) : b.dim(0)) != k) {
            throw ctx.error("inner dimensions differ: " + Arrays.toString(a.shape()) + " x " + Arrays.toString(b.shape()));
        }
        FixedType acc = FixedKernels.exact(ctx, () -> FixedRules.dot(ta, tb, k));
        long[] la = a.longs();
        long[] lb = b.longs();
        long[] out = new long[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long s = 0;
                for (int q = 0; q < k; q++) {
                    s += la[transA ? q * m + i : i * k + q] * lb[transB ? j * k + q : q * n + j];
                }
                out[i * n + j] = s;
            }
        }
        int[] shape = {m, n};
        if (c == null) {
            return List.of(FixedKernels.finish(ctx, out, acc, shape));
        }
        FixedType tc = FixedKernels.fixed(ctx, c, "C");
        FixedType total = FixedKernels.exact(ctx, () -> FixedRules.sum(acc, tc));
        if (!Arrays.equals(Shapes.broadcast(c.shape(), shape), shape)) {
            throw ctx.error("C of shape " + Arrays.toString(c.shape()) + " does not broadcast to " + Arrays.toString(shape));
        }
        int[] ic = Shapes.broadcastIndex(c.shape(), shape);
        long[] lc = c.longs();
        int f = total.fractionBits();
        for (int i = 0; i < out.length; i++) {
            out[i] = FixedRules.align(out[i], acc, f) + FixedRules.align(lc[ic[i]], tc, f);
        }
        return List.of(FixedKernels.finish(ctx, out, total, shape));
    }
}
