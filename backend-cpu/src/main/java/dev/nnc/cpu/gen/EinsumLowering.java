package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.kernels.Einsum;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Einsum} (any equation: explicit or implicit output, ellipsis, diagonals) through the
 * runtime's {@code Einsum}: the equation is parsed by the interpreter's parser at build time into
 * loop sizes (output labels first, then summed ones) and per-input strides, static constants.
 */
final class EinsumLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        List<int[]> shapes = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        for (Value v : op.operands()) {
            if (ctx.dtype(v, op) == Dtype.BOOL) {
                throw ctx.unsupported(op, "bool operands are not supported");
            }
            shapes.add(ctx.shape(v));
            arrays.add(ctx.readTyped(v, op));
        }
        Einsum.Spec s;
        try {
            s = Einsum.parse(op.name(), ctx.attrs(op).getString("equation", ""), shapes);
        } catch (NncException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
        Einsum.LoopPlan plan = Einsum.loopPlan(s, shapes); // the interpreter's own loop nest
        List<Integer> size = java.util.Arrays.stream(plan.size()).boxed().toList();
        int[] strides = java.util.Arrays.stream(plan.strides()).flatMapToInt(java.util.Arrays::stream).toArray();
        int outCount = plan.outCount();
        String sizeField = ctx.staticName(op, "loop_sizes");
        String strideField = ctx.staticName(op, "loop_strides");
        ctx.addStatic(new IntsField(sizeField, size));
        ctx.addStatic(new IntsField(strideField, java.util.Arrays.stream(strides).boxed().toList()));
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("Einsum.apply",
                List.of("new Object[] {" + String.join(", ", arrays) + "}", sizeField, strideField, outCount, y)))));
    }
}
