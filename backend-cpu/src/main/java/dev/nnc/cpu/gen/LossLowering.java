package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code NegativeLogLikelihoodLoss} and {@code SoftmaxCrossEntropyLoss} through the runtime's
 * {@code Losses} on an [n, c, d] view of the scores (d = the product of the spatial dims); f32 or
 * f64 scores and weights, i64 or i32 targets.
 */
final class LossLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        if (xs.length < 2) {
            throw ctx.unsupported(op, "scores must have rank >= 2");
        }
        requireFloat(op, ctx, op.operand(0));
        int n = xs[0];
        int c = xs[1];
        int d = Math.toIntExact(LinearLowering.product(java.util.Arrays.copyOfRange(xs, 2, xs.length)));
        OpAttributes a = ctx.attrs(op);
        String reduction = a.getString("reduction", "mean");
        if (!List.of("none", "sum", "mean").contains(reduction)) {
            throw ctx.unsupported(op, "unknown reduction '" + reduction + "'");
        }
        boolean hasIgnore = a.get("ignore_index") != null;
        long ignore = hasIgnore ? a.getInt("ignore_index") : 0;
        String x = ctx.readTyped(op.operand(0), op);
        String target = ctx.readTyped(op.operand(1), op);
        Object weight = "null";
        if (op.numOperands() > 2 && op.operand(2).type() != NoneType.NONE) {
            requireFloat(op, ctx, op.operand(2));
            weight = ctx.readTyped(op.operand(2), op);
        }
        String loss = ctx.writeTyped(op.result(0), op);
        List<Object> args = new ArrayList<>(List.of(x, target, weight, loss));
        String target0;
        if (op.opName().equals("SoftmaxCrossEntropyLoss")) {
            boolean logProb = op.numResults() > 1 && op.result(1).type() != NoneType.NONE;
            args.add(logProb ? ctx.writeTyped(op.result(1), op) : "null");
            target0 = "Losses.softmaxCrossEntropy";
        } else {
            target0 = "Losses.negativeLogLikelihood";
        }
        args.addAll(List.of(n, c, d, hasIgnore, ignore + "L", "\"" + reduction + "\""));
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call(target0, args))));
    }

    private static void requireFloat(Operation op, LoweringContext ctx, Value v) {
        Dtype t = v.type() instanceof TensorType tt ? Dtype.of(tt.elementType()) : null;
        if (t != Dtype.F32 && t != Dtype.F64) {
            throw ctx.unsupported(op, "value '" + v.nameHint() + "' has type " + v.type() + " (f32 and f64 only)");
        }
    }
}
