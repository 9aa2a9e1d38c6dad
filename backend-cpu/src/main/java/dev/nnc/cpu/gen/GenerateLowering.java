package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/**
 * Ops whose result depends on a shape or on scalars, not on data: {@code ConstantOfShape} (an
 * {@code Arrays.fill} with the value attribute), {@code EyeLike}, {@code Range} and the Hann,
 * Hamming and Blackman windows (the runtime's {@code Generate}). Their operands are values of the model here; constant ones were folded.
 */
final class GenerateLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        Dtype type = ctx.dtype(op.result(0), op);
        int[] ys = ctx.shape(op.result(0));
        Call call;
        switch (op.opName()) {
            case "ConstantOfShape" -> {
                Tensor v = ctx.attrs(op).getTensor("value");
                String y = ctx.writeTyped(op.result(0), op);
                call = new Call("java.util.Arrays.fill", List.of(y, literal(op, ctx, type, v)));
            }
            case "EyeLike" -> {
                ctx.dtype(op.operand(0), op);
                if (ys.length != 2) {
                    throw ctx.unsupported(op, "EyeLike needs a rank-2 input");
                }
                String y = ctx.writeTyped(op.result(0), op);
                call = new Call("Generate.eye", List.of(y, ys[0], ys[1], ctx.attrs(op).getInt("k", 0) + "L"));
            }
            case "HannWindow", "HammingWindow", "BlackmanWindow" -> {
                if (type != Dtype.F32 && type != Dtype.F64) {
                    throw ctx.unsupported(op, "output_datatype must be f32 or f64");
                }
                ctx.dtype(op.operand(0), op);
                String size = ctx.readTyped(op.operand(0), op);
                String y = ctx.writeTyped(op.result(0), op);
                call = new Call("Generate.window", List.of("\"" + op.opName() + "\"", size,
                        ctx.attrs(op).getInt("periodic", 1) != 0, y, ys[0]));
            }
            default -> {
                for (int i = 0; i < 3; i++) {
                    ctx.dtype(op.operand(i), op);
                }
                String start = ctx.readTyped(op.operand(0), op);
                String limit = ctx.readTyped(op.operand(1), op);
                String delta = ctx.readTyped(op.operand(2), op);
                String y = ctx.writeTyped(op.result(0), op);
                call = new Call("Generate.range", List.of(start, limit, delta, y, ys[0]));
            }
        }
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(call)));
    }

    /** The fill value (null: f32 zero) as a Java literal of the result's type. */
    private static Object literal(Operation op, LoweringContext ctx, Dtype type, Tensor v) {
        double d = v == null ? 0 : v.isDoubles() ? v.getDouble(0) : v.longs()[0];
        long l = v == null ? 0 : v.isDoubles() ? (long) v.getDouble(0) : v.longs()[0];
        return TypedLiteral.of(op, ctx, type, d, l);
    }
}
