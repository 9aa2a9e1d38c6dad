package dev.nnc.ir.kernel;

import dev.nnc.ir.fixed.FixedSoftmax;
import dev.nnc.ir.q.QSoftmax;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/** {@code kernel.softmax}: the one {@link FixedSoftmax} of q.softmax over each vector of the last axis. */
final class SoftmaxSemantics {
    private SoftmaxSemantics() {
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        Tensor x = ctx.input(0);
        FixedSoftmax s;
        try {
            s = QSoftmax.of(ctx.op());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
        return List.of(Tensor.ofLongs(s.output(), x.shape(), s.apply(x.longs(), x.dim(x.rank() - 1))));
    }
}
