package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import java.util.Arrays;
import java.util.List;

/**
 * The Reduce* ops on f64, i64 and i32 through the runtime's {@code TypedReduce} (the interpreter's
 * folds); constant axes become a static array, axes fed by the model are read on every run. f32
 * stays with {@link ReduceLowering}'s blocked kernels.
 */
final class TypedReduceLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        Dtype type = ctx.dtype(op.operand(0), op);
        if (type == Dtype.BOOL) {
            throw ctx.unsupported(op, "bool input is not supported");
        }
        OpAttributes a = ctx.attrs(op);
        long[] attrAxes = a.getInts("axes", null);
        Object axes = "null";
        if (attrAxes != null) {
            axes = axesField(op, ctx, attrAxes);
        } else if (op.numOperands() > 1 && op.operand(1).type() != NoneType.NONE) {
            Tensor t = ctx.constant(op.operand(1));
            axes = t != null ? axesField(op, ctx, t.toLongs()) : ctx.readTyped(op.operand(1), op);
        }
        String shape = ctx.staticName(op, "shape");
        ctx.addStatic(new IntsField(shape, Arrays.stream(ctx.shape(op.operand(0))).boxed().toList()));
        String x = ctx.readTyped(op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        String reducer = "dev.nnc.ir.onnx.kernels.Reducer." + ReduceLowering.KINDS.get(op.opName());
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("TypedReduce.apply",
                List.of(reducer, x, shape, y, axes, a.getInt("noop_with_empty_axes", 0) != 0)))));
    }

    private static String axesField(Operation op, LoweringContext ctx, long[] axes) {
        String name = ctx.staticName(op, "axes");
        ctx.addStatic(new IntsField(name, Arrays.stream(axes).mapToObj(v -> (int) v).toList()));
        return name;
    }
}
