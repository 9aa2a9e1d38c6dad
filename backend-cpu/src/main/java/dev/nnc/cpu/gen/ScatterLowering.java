package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.NoneType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Scatter}, {@code ScatterElements}, {@code ScatterND} (every reduction) and
 * {@code TensorScatter} through the runtime's {@code Scatter}, on any element type: the indices are
 * read on every run, shapes are static constants.
 */
final class ScatterLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        OpAttributes a = ctx.attrs(op);
        int[] shape = ctx.shape(op.operand(0));
        for (int i = 0; i < op.numOperands(); i++) {
            if (op.operand(i).type() != NoneType.NONE) {
                ctx.dtype(op.operand(i), op);
            }
        }
        String data = ctx.readTyped(op.operand(0), op);
        String shapeField = shape(op, ctx, "shape", shape);
        Call call;
        if (op.opName().equals("TensorScatter")) {
            String update = ctx.readTyped(op.operand(1), op);
            String updateShape = shape(op, ctx, "update_shape", ctx.shape(op.operand(1)));
            Object write = op.numOperands() > 2 && op.operand(2).type() != NoneType.NONE ? ctx.readTyped(op.operand(2), op) : "null";
            String out = ctx.writeTyped(op.result(0), op);
            int axis = axis(a.getInt("axis", -2), shape.length, op, ctx);
            boolean circular = a.getString("mode", "linear").equals("circular");
            call = new Call("Scatter.tensor", List.of(data, shapeField, update, updateShape, write, out, axis, circular));
        } else {
            String indices = ctx.readTyped(op.operand(1), op);
            String indexShape = shape(op, ctx, "index_shape", ctx.shape(op.operand(1)));
            String updates = ctx.readTyped(op.operand(2), op);
            String out = ctx.writeTyped(op.result(0), op);
            String reduction = "\"" + a.getString("reduction", "none") + "\"";
            if (op.opName().equals("ScatterND")) {
                call = new Call("Scatter.nd", List.of(data, shapeField, indices, indexShape, updates, out, reduction));
            } else {
                int axis = axis(a.getInt("axis", 0), shape.length, op, ctx);
                call = new Call("Scatter.elements", List.of(data, shapeField, indices, indexShape, updates, out, axis, reduction));
            }
        }
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(call)));
    }

    private static int axis(long axis, int rank, Operation op, LoweringContext ctx) {
        if (axis < -rank || axis >= rank) {
            throw ctx.unsupported(op, "axis " + axis + " out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    static String shape(Operation op, LoweringContext ctx, String suffix, int[] shape) {
        String name = ctx.staticName(op, suffix);
        ctx.addStatic(new IntsField(name, Arrays.stream(shape).boxed().toList()));
        return name;
    }
}
