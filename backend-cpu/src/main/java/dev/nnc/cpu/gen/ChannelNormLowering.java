package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import java.util.Arrays;
import java.util.List;

/** {@code InstanceNormalization}, {@code GroupNormalization} and {@code LRN} (f32, f64) through the runtime's {@code ChannelNorms}. */
final class ChannelNormLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        Dtype type = ctx.dtype(op.operand(0), op);
        if (type != Dtype.F32 && type != Dtype.F64) {
            throw ctx.unsupported(op, "input must be f32 or f64");
        }
        int[] xs = ctx.shape(op.operand(0));
        if (xs.length < 2) {
            throw ctx.unsupported(op, "input must have rank >= 2");
        }
        int c = xs[1];
        int inner = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, 2, xs.length)));
        OpAttributes a = ctx.attrs(op);
        String x = ctx.readTyped(op.operand(0), op);
        Call call;
        if (op.opName().equals("LRN")) {
            String y = ctx.writeTyped(op.result(0), op);
            call = new Call("ChannelNorms.lrn", List.of(x, y, c, inner, Math.toIntExact(a.getInt("size", 1)),
                    Double.toString(a.getFloat("alpha", 1e-4)), Double.toString(a.getFloat("beta", 0.75)),
                    Double.toString(a.getFloat("bias", 1.0))));
        } else {
            int groups = op.opName().equals("GroupNormalization") ? Math.toIntExact(a.getInt("num_groups", 0)) : c;
            if (groups <= 0 || c % groups != 0) {
                throw ctx.unsupported(op, "num_groups " + groups + " does not divide the " + c + " channels");
            }
            int scaleSize = Math.toIntExact(LinearLowering.product(ctx.shape(op.operand(1))));
            if (scaleSize != c && scaleSize != groups) {
                throw ctx.unsupported(op, "scale must have " + c + " or " + groups + " values");
            }
            String scale = ctx.readTyped(op.operand(1), op);
            String bias = ctx.readTyped(op.operand(2), op);
            String y = ctx.writeTyped(op.result(0), op);
            call = new Call("ChannelNorms.groups", List.of(x, scale, bias, y, xs[0], c, inner, groups,
                    Double.toString(a.getFloat("epsilon", 1e-5))));
        }
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(call)));
    }
}
