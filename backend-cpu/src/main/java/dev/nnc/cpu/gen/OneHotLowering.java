package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import java.util.Arrays;
import java.util.List;

/** {@code OneHot} through the runtime's {@code OneHot} on an [outer, depth, inner] view of the result. */
final class OneHotLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        for (int i = 0; i < 3; i++) {
            ctx.dtype(op.operand(i), op);
        }
        int[] ys = ctx.shape(op.result(0));
        long a = ctx.attrs(op).getInt("axis", -1);
        if (a < -ys.length || a >= ys.length) {
            throw ctx.unsupported(op, "axis " + a + " out of range");
        }
        int axis = (int) (a < 0 ? a + ys.length : a);
        int outer = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(ys, 0, axis)));
        int inner = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(ys, axis + 1, ys.length)));
        String indices = ctx.readTyped(op.operand(0), op);
        String depth = ctx.readTyped(op.operand(1), op);
        String values = ctx.readTyped(op.operand(2), op);
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("OneHot.apply",
                List.of(indices, depth, values, y, outer, ys[axis], inner)))));
    }
}
