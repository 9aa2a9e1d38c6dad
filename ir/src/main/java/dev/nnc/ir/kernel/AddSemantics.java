package dev.nnc.ir.kernel;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.Arrays;
import java.util.List;

/** Element-wise sum of two streams: both aligned to the exact sum type, added, then one cast. */
final class AddSemantics {
    private AddSemantics() {
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        FixedType ta = KernelTypes.fixed(a.tensorType());
        FixedType tb = KernelTypes.fixed(b.tensorType());
        FixedType out = KernelTypes.fixed(ctx.outputType(0));
        if (ta == null || tb == null || out == null) {
            throw ctx.error("operands and result must be fixed-point tensors");
        }
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw ctx.error("operand shapes differ: " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()));
        }
        FixedType sum;
        CastMode mode;
        try {
            sum = FixedRules.sum(ta, tb);
            mode = KernelTypes.mode(ctx.attrs());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
        int f = sum.fractionBits();
        long[] la = a.longs();
        long[] lb = b.longs();
        long[] y = new long[la.length];
        for (int i = 0; i < y.length; i++) {
            long s = FixedRules.align(la[i], ta, f) + FixedRules.align(lb[i], tb, f);
            y[i] = FixedCast.cast(s, sum, out, mode);
        }
        return List.of(Tensor.ofLongs(out, a.shape(), y));
    }
}
