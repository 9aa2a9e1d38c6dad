package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * {@code CumSum} and {@code CumProd} through the runtime's {@code Cumulative}; the axis is a literal
 * when constant, else read from its array on every run ({@code axis[0]}).
 */
final class CumulativeLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        ctx.dtype(op.operand(0), op);
        int[] shape = ctx.shape(op.operand(0));
        Tensor axisConst = ctx.constant(op.operand(1));
        Object axis;
        if (axisConst != null) {
            axis = axisConst.toLongs()[0];
        } else {
            ctx.dtype(op.operand(1), op);
            axis = ctx.readTyped(op.operand(1), op) + "[0]";
        }
        String x = ctx.readTyped(op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        String shapeField = ctx.staticName(op, "shape");
        ctx.addStatic(new IntsField(shapeField, Arrays.stream(shape).boxed().toList()));
        var a = ctx.attrs(op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("Cumulative.apply",
                List.of(x, y, shapeField, axis, a.getInt("exclusive", 0) != 0, a.getInt("reverse", 0) != 0,
                        op.opName().equals("CumProd"))))));
    }
}
