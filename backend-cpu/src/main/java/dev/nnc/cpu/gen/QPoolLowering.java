package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.cpu.gen.JavaModel.WindowField;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.fixed.FixedAverage;
import dev.nnc.ir.onnx.kernels.Window;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.FixedType;
import java.util.Arrays;
import java.util.List;

/**
 * MaxPool, AveragePool and GlobalAveragePool on fixed-point raws as calls of {@code QPool}, with
 * the interpreter's restrictions: no MaxPool indices; averages over 2-D windows only, padding only
 * with {@code count_include_pad = 1}, no ceil_mode; the mean's requantizer is
 * {@code FixedAverage.of(taps, in, out)}, a static constant.
 */
final class QPoolLowering implements OpLowering {
    private final QStatics statics;

    QPoolLowering(QStatics statics) {
        this.statics = statics;
    }

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        FixedType in = QStatics.fixed(op.operand(0));
        FixedType out = QStatics.fixed(op.result(0));
        if (in == null || out == null) {
            throw ctx.unsupported(op, "fixed-point pooling needs fixed-point operand and result types");
        }
        int[] xs = ctx.shape(op.operand(0));
        OpAttributes a = ctx.attrs(op);
        try {
            switch (op.opName()) {
                case "MaxPool" -> max(op, ctx, a, xs, in, out);
                case "AveragePool" -> average(op, ctx, a, xs, in, out);
                default -> global(op, ctx, xs, in, out);
            }
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
    }

    private void max(Operation op, LoweringContext ctx, OpAttributes a, int[] xs, FixedType in, FixedType out) {
        if (op.numResults() > 1 && op.result(1).type() != dev.nnc.ir.type.NoneType.NONE) {
            throw ctx.unsupported(op, "fixed-point MaxPool does not produce Indices");
        }
        if (!in.signed() && in.width() == 64) {
            throw ctx.unsupported(op, "fixed-point MaxPool does not support " + in.spelling());
        }
        if (xs.length < 3 || xs.length > 5) {
            throw ctx.unsupported(op, "only 1-D, 2-D and 3-D pooling is supported");
        }
        int[] kernel = kernel(op, ctx, a, xs.length - 2);
        Window w = window(op, ctx, a, xs, kernel, a.getInt("ceil_mode", 0) != 0);
        String win = ctx.staticName(op, "window");
        ctx.addStatic(new WindowField(win, QLinearLowering.window(w)));
        String x = statics.read(ctx, op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("QPool.max",
                List.of(win, xs[0] * xs[1], x, statics.type(ctx, in), y, statics.type(ctx, out), "parallel")))));
    }

    private void average(Operation op, LoweringContext ctx, OpAttributes a, int[] xs, FixedType in, FixedType out) {
        if (xs.length != 4) {
            throw ctx.unsupported(op, "fixed-point AveragePool needs a [N, C, H, W] input, got " + Arrays.toString(xs));
        }
        if (a.getInt("ceil_mode", 0) != 0) {
            throw ctx.unsupported(op, "fixed-point AveragePool does not support ceil_mode = 1");
        }
        int[] kernel = kernel(op, ctx, a, 2);
        Window w2 = window(op, ctx, a, xs, kernel, false);
        boolean padded = Arrays.stream(w2.padBegin()).sum() + Arrays.stream(w2.padEnd()).sum() > 0;
        if (padded && a.getInt("count_include_pad", 0) == 0) {
            throw ctx.unsupported(op, "fixed-point AveragePool with padding needs count_include_pad = 1");
        }
        int taps = kernel[0] * kernel[1];
        String win = ctx.staticName(op, "window");
        ctx.addStatic(new WindowField(win, QLinearLowering.window(w2)));
        FixedType sum = FixedAverage.sumType(in, taps);
        String r = requantizer(op, ctx, taps, in, out);
        String x = statics.read(ctx, op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("QPool.average",
                List.of(win, xs[0] * xs[1], x, y, r, statics.type(ctx, sum), statics.type(ctx, out), "parallel")))));
    }

    private void global(Operation op, LoweringContext ctx, int[] xs, FixedType in, FixedType out) {
        if (xs.length != 4) {
            throw ctx.unsupported(op, "fixed-point GlobalAveragePool needs a [N, C, H, W] input, got " + Arrays.toString(xs));
        }
        int taps = xs[2] * xs[3];
        FixedType sum = FixedAverage.sumType(in, taps);
        String r = requantizer(op, ctx, taps, in, out);
        String x = statics.read(ctx, op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("QPool.globalAverage",
                List.of(xs[0] * xs[1], taps, x, y, r, statics.type(ctx, sum), statics.type(ctx, out))))));
    }

    /** The mean's requantizer, built by the generated class from the one definition. */
    private String requantizer(Operation op, LoweringContext ctx, int taps, FixedType in, FixedType out) {
        FixedAverage.of(taps, in, out); // fails here, at build time, if the shift is out of range
        String init = "FixedAverage.of(" + taps + ", " + statics.type(ctx, in) + ", " + statics.type(ctx, out) + ")";
        return statics.constant(ctx, op, "mean", "Requantizer", init);
    }

    private static int[] kernel(Operation op, LoweringContext ctx, OpAttributes a, int dims) {
        long[] ks = a.getInts("kernel_shape", new long[0]);
        if (ks.length != dims) {
            throw ctx.unsupported(op, "needs a kernel_shape of " + dims + " dims, got " + Arrays.toString(ks));
        }
        return Arrays.stream(ks).mapToInt(Math::toIntExact).toArray();
    }

    private static Window window(Operation op, LoweringContext ctx, OpAttributes a, int[] xs, int[] kernel, boolean ceil) {
        try {
            return Window.of(op.name(), a, Arrays.copyOfRange(xs, 2, xs.length), kernel, ceil).as3d(op.name());
        } catch (NncException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
    }
}
