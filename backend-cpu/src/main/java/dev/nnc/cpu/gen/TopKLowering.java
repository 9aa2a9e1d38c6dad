package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import java.util.Arrays;
import java.util.List;

/**
 * {@code TopK} through the runtime's {@code TopK} on an [outer, n, inner] view; k is the static
 * size of the result along the axis (the k operand decided the result type), so it is not re-read.
 */
final class TopKLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        ctx.dtype(op.operand(0), op);
        int[] xs = ctx.shape(op.operand(0));
        long a = ctx.attrs(op).getInt("axis", -1);
        if (a < -xs.length || a >= xs.length) {
            throw ctx.unsupported(op, "axis " + a + " out of range");
        }
        int axis = (int) (a < 0 ? a + xs.length : a);
        int outer = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, 0, axis)));
        int inner = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, axis + 1, xs.length)));
        int k = ctx.shape(op.result(0))[axis];
        boolean largest = ctx.attrs(op).getInt("largest", 1) != 0;
        String x = ctx.readTyped(op.operand(0), op);
        String values = ctx.writeTyped(op.result(0), op);
        String indices = ctx.writeTyped(op.result(1), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("TopK.apply",
                List.of(x, outer, xs[axis], inner, k, largest, values, indices)))));
    }
}
