package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.GatherStep;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * Ops that pick elements by index: {@code Gather} (rows copied with {@code System.arraycopy},
 * any element type, negative indices counted from the end), {@code GatherElements} (the runtime's,
 * any element type) and {@code ArgMax}/{@code ArgMin}
 * (the runtime's {@code ArgReduce}, f32 and i64 inputs).
 */
final class IndexLowering implements OpLowering {
    /** GatherElements through the runtime: the indices' shape and the data's strides as static constants. */
    private static void gatherElements(Operation op, LoweringContext ctx, int[] dataShape, int axis) {
        String data = ctx.readTyped(op.operand(0), op);
        String indices = ctx.readTyped(op.operand(1), op);
        String out = ctx.writeTyped(op.result(0), op);
        String shapeName = ctx.staticName(op, "shape");
        String stridesName = ctx.staticName(op, "strides");
        ctx.addStatic(new IntsField(shapeName, Arrays.stream(ctx.shape(op.operand(1))).boxed().toList()));
        ctx.addStatic(new IntsField(stridesName, Arrays.stream(Shapes.strides(dataShape)).boxed().toList()));
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("GatherElements.apply",
                List.of(data, indices, out, shapeName, stridesName, axis, dataShape[axis])))));
    }

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        int[] shape = ctx.shape(op.operand(0));
        OpAttributes a = ctx.attrs(op);
        int axis = (int) a.getInt("axis", 0);
        if (axis < 0) {
            axis += shape.length;
        }
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        int n = shape[axis];
        if (op.opName().equals("GatherElements")) {
            gatherElements(op, ctx, shape, axis);
            return;
        }
        if (op.opName().equals("Gather")) {
            String data = ctx.readTyped(op.operand(0), op);
            String indices = ctx.readTyped(op.operand(1), op);
            int count = Math.toIntExact(((TensorType) op.operand(1).type()).elementCount());
            String out = ctx.writeTyped(op.result(0), op);
            ctx.addStep(new GatherStep(ctx.method(op), ctx.describe(op), out, data, indices, outer, n, count, inner));
            return;
        }
        Dtype in = Dtype.of(((TensorType) op.operand(0).type()).elementType());
        if (in != Dtype.F32 && in != Dtype.I64) {
            throw ctx.unsupported(op, "input type " + op.operand(0).type() + " (f32 and i64 only)");
        }
        String x = ctx.readTyped(op.operand(0), op);
        String out = ctx.writeTyped(op.result(0), op);
        boolean last = a.getInt("select_last_index", 0) != 0;
        String target = op.opName().equals("ArgMax") ? "ArgReduce.argmax" : "ArgReduce.argmin";
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op),
                List.of(new Call(target, List.of(x, out, outer, n, inner, last)))));
    }
}
