package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.FloatsField;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.onnx.kernels.ResizeTables;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Resize} with constant scales or sizes (every mode and coordinate transformation): the
 * interpreter's own sampler gives per-axis tap tables ({@link ResizeTables}), which become static
 * constants; each resampled axis is one {@code Resample.axis} call, through scratch between axes.
 */
final class ResizeLowering implements OpLowering {
    /** Table entries beyond which the static initialiser would get too large for one class. */
    private static final int MAX_TABLE = 1 << 13;

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        int[] shape = ctx.shape(op.operand(0));
        boolean v10 = ctx.opset() < 11;
        ResizeTables tables;
        try {
            tables = ResizeTables.of(ctx.attrs(op), ctx.opset(), shape, v10 ? null : constant(op, 1, ctx),
                    constant(op, v10 ? 1 : 2, ctx), v10 ? null : constant(op, 3, ctx));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
        if (tables.axes().isEmpty()) {
            ctx.alias(op.result(0), op.operand(0), op);
            return;
        }
        String current = ctx.read(op.operand(0), op);
        String y = ctx.write(op.result(0), op);
        int[] cur = shape.clone();
        List<Call> calls = new ArrayList<>();
        for (int k = 0; k < tables.axes().size(); k++) {
            ResizeTables.AxisTable t = tables.axes().get(k);
            if (t.index().length > MAX_TABLE) {
                throw ctx.unsupported(op, "output of " + t.out() + " along axis " + t.axis() + " is too large for tap tables");
            }
            int outer = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(cur, 0, t.axis())));
            int inner = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(cur, t.axis() + 1, cur.length)));
            cur[t.axis()] = t.out();
            boolean last = k == tables.axes().size() - 1;
            String dest = last ? y : ctx.scratch(op, Math.toIntExact(LinearLowering.product(cur)));
            String index = ctx.staticName(op, "index" + t.axis());
            String weight = ctx.staticName(op, "weight" + t.axis());
            ctx.addStatic(new IntsField(index, Arrays.stream(t.index()).boxed().toList()));
            List<Float> w = new ArrayList<>();
            for (double d : t.weight()) {
                w.add((float) d);
            }
            ctx.addStatic(new FloatsField(weight, w));
            calls.add(new Call("Resample.axis", List.of(current, dest, outer, t.in(), inner, t.out(), t.taps(), index,
                    weight, (float) tables.extrapolation())));
            current = dest;
        }
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), calls));
    }

    /** Operand {@code i} as a constant, null when absent; a computed one is not supported. */
    private static Tensor constant(Operation op, int i, LoweringContext ctx) {
        if (i >= op.numOperands()) {
            return null;
        }
        Value v = op.operand(i);
        if (v.type() == NoneType.NONE) {
            return null;
        }
        Tensor t = ctx.constant(v);
        if (t == null) {
            throw ctx.unsupported(op, "operand " + i + " (roi, scales or sizes) must be a constant");
        }
        return t;
    }
}
