package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Dropout} at inference when its mask output is used: the output aliases the input and the
 * mask is filled with true (1 for a float mask of old opsets). A training_mode given at run time is
 * checked on every run ({@code Dropout.check}); a constant true one with a non-zero ratio is refused.
 */
final class DropoutLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        ctx.alias(op.result(0), op.operand(0), op);
        List<Call> calls = new ArrayList<>();
        Value training = op.numOperands() > 2 && op.operand(2).type() != NoneType.NONE ? op.operand(2) : null;
        Value ratio = op.numOperands() > 1 && op.operand(1).type() != NoneType.NONE ? op.operand(1) : null;
        if (training != null) {
            Tensor t = ctx.constant(training);
            Tensor r = ratio == null ? null : ctx.constant(ratio);
            if (t == null || ratio != null && r == null) {
                calls.add(new Call("Dropout.check", List.of(ratio == null ? "null" : ctx.readTyped(ratio, op),
                        ctx.readTyped(training, op))));
            } else if (t.size() > 0 && t.longs()[0] != 0 && (r == null ? 0.5 : r.getDouble(0)) != 0) {
                throw ctx.unsupported(op, "training_mode=true with a non-zero ratio drops at random");
            }
        }
        if (op.numResults() > 1 && op.result(1).type() != NoneType.NONE) {
            Dtype maskType = ctx.dtype(op.result(1), op);
            String mask = ctx.writeTyped(op.result(1), op);
            Object one = switch (maskType) {
                case BOOL -> "true";
                case F32 -> 1f;
                case I64 -> "1L";
                default -> maskType == Dtype.F64 ? "1.0" : "1";
            };
            calls.add(new Call("java.util.Arrays.fill", List.of(mask, one)));
        }
        if (!calls.isEmpty()) {
            ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), calls));
        }
    }

    /** True when the mask output is used or training mode is not a constant false. */
    static boolean applies(Operation op, LoweringContext ctx) {
        if (op.numResults() > 1 && op.result(1).hasUses() || op.numResults() > 1 && ctx.isOutput(op.result(1))) {
            return true;
        }
        if (op.numOperands() > 2 && op.operand(2).type() != NoneType.NONE) {
            Tensor t = ctx.constant(op.operand(2));
            return t == null || t.size() > 0 && t.longs()[0] != 0;
        }
        return false;
    }
}
