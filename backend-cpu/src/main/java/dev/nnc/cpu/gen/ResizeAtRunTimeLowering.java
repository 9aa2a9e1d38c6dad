package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.onnx.kernels.ResizeSampler;
import dev.nnc.ir.onnx.kernels.ResizeTables;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Resize} (f32) whose roi, scales or sizes are computed or fed by the model: the op becomes
 * a static {@code ResizeAtRunTime} holding its attributes, which derives the tap tables from the
 * values on every run (constant ones are passed as weights). Constant operands go to
 * {@link ResizeLowering} instead, whose tables are static.
 */
final class ResizeAtRunTimeLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        int opset = ctx.opset();
        boolean v10 = opset < 11;
        OpAttributes a = ctx.attrs(op);
        ResizeSampler s;
        try {
            s = ResizeTables.sampler(a, opset);
        } catch (IllegalArgumentException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
        if (!Double.isFinite(s.extrapolation()) || !Double.isFinite(s.cubicA())) {
            throw ctx.unsupported(op, "an infinite or NaN extrapolation_value or cubic_coeff_a");
        }
        Object roi = v10 ? "null" : operand(op, 1, ctx, null);
        Object scales = operand(op, v10 ? 1 : 2, ctx, Dtype.F32);
        Object sizes = v10 ? "null" : operand(op, 3, ctx, Dtype.I64);
        long[] axes = v10 ? null : a.getInts("axes", null);
        Object axesArg = "null";
        if (axes != null) {
            axesArg = "new long[] {" + String.join(", ", Arrays.stream(axes).mapToObj(v -> v + "L").toList()) + "}";
        }
        String policy = v10 ? "stretch" : a.getString("keep_aspect_ratio_policy", "stretch");
        String resize = ctx.staticName(op, "resize");
        ctx.addStatic(new JavaModel.StaticObject("ResizeAtRunTime", resize, List.of(quote(s.mode()),
                quote(s.coordinateMode()), quote(s.nearestMode()), Double.toString(s.cubicA()), s.excludeOutside(),
                s.antialias(), Double.toString(s.extrapolation()), axesArg, quote(policy), opset)));
        String xShape = ctx.staticName(op, "in_shape");
        String yShape = ctx.staticName(op, "out_shape");
        ctx.addStatic(new IntsField(xShape, Arrays.stream(ctx.shape(op.operand(0))).boxed().toList()));
        ctx.addStatic(new IntsField(yShape, Arrays.stream(ctx.shape(op.result(0))).boxed().toList()));
        String x = ctx.read(op.operand(0), op);
        String y = ctx.write(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call(resize + ".apply",
                List.of(x, xShape, y, yShape, roi, scales, sizes)))));
    }

    /** The array of an optional operand ("null" when absent), checked to be of {@code type} (any float when null). */
    private static Object operand(Operation op, int i, LoweringContext ctx, Dtype type) {
        if (i >= op.numOperands() || op.operand(i).type() == NoneType.NONE) {
            return "null";
        }
        Value v = op.operand(i);
        Dtype t = v.type() instanceof TensorType tt ? Dtype.of(tt.elementType()) : null;
        boolean ok = type == null ? t == Dtype.F32 || t == Dtype.F64 : t == type;
        if (!ok) {
            throw ctx.unsupported(op, "operand " + i + " has type " + v.type());
        }
        if (ctx.shape(v).length == 1 && ctx.shape(v)[0] == 0) {
            return "null";
        }
        return ctx.readTyped(v, op);
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    /** True when a roi, scales or sizes operand is present and not a constant. */
    static boolean applies(Operation op, LoweringContext ctx) {
        return ctx.hasRunTimeOperand(op, 1);
    }
}
