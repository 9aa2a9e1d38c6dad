package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import java.util.List;

/** {@code Trilu} on f32 and i64 through the runtime's {@code Trilu}; k may be a constant or an input. */
final class TriluLowering implements OpLowering {
    @Override
    public void lower(Operation op, LoweringContext ctx) {
        Dtype type = Dtype.of(((TensorType) op.operand(0).type()).elementType());
        if (type != Dtype.F32 && type != Dtype.I64) {
            throw ctx.unsupported(op, "input type " + op.operand(0).type() + " (f32 and i64 only)");
        }
        int[] xs = ctx.shape(op.operand(0));
        int rows = xs[xs.length - 2];
        int cols = xs[xs.length - 1];
        int batch = Math.toIntExact(LinearLowering.product(java.util.Arrays.copyOfRange(xs, 0, xs.length - 2)));
        Object k = "null";
        if (op.numOperands() > 1 && op.operand(1).type() != NoneType.NONE) {
            if (!(op.operand(1).type() instanceof TensorType t) || !t.elementType().equals(IntegerType.I64)) {
                throw ctx.unsupported(op, "k must be i64");
            }
            k = ctx.readTyped(op.operand(1), op);
        }
        String x = ctx.readTyped(op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        boolean upper = ctx.attrs(op).getInt("upper", 1) != 0;
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op),
                List.of(new Call("Trilu.apply", List.of(x, y, batch, rows, cols, k, upper)))));
    }
}
