package dev.nnc.ir.kernel;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.List;

/** {@code kernel.softmax}: the steps of {@link SoftmaxParams} over each vector of the last axis. */
final class SoftmaxSemantics {
    private SoftmaxSemantics() {
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        Tensor x = ctx.input(0);
        FixedType in = KernelTypes.fixed(x.tensorType());
        FixedType out = KernelTypes.fixed(ctx.outputType(0));
        if (in == null || out == null) {
            throw ctx.error("operand and result must be fixed-point tensors");
        }
        SoftmaxParams p;
        try {
            p = SoftmaxParams.from(ctx.attrs(), in);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
        int n = x.dim(x.rank() - 1);
        long[] xs = x.longs();
        long[] y = new long[xs.length];
        long[] expC = p.exp().contents();
        long[] recipC = p.recip().contents();
        for (int off = 0; off < xs.length; off += n) {
            p.apply(xs, y, off, n, in, out, expC, recipC);
        }
        return List.of(Tensor.ofLongs(out, x.shape(), y));
    }
}
