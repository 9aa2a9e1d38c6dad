package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.ConvField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.cpu.gen.JavaModel.WindowField;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.kernels.ConvolutionKernels;
import dev.nnc.ir.onnx.kernels.Window;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sliding-window ops (Conv, MaxPool, AveragePool) and global pooling as calls of the runtime's
 * {@code Conv} and {@code Pool}. The window comes from {@link Window#of}, the helper the
 * interpreter and type inference use, so padding rules have one definition; it becomes a static
 * constant of the generated class.
 */
final class WindowLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        switch (op.opName()) {
            case "Conv", "FusedConv" -> conv(op, ctx);
            case "ConvTranspose" -> convTranspose(op, ctx);
            case "GlobalAveragePool", "GlobalMaxPool" -> global(op, ctx);
            default -> pool(op, ctx);
        }
    }

    private static void conv(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        int[] ws = ctx.shape(op.operand(1));
        OpAttributes a = ctx.attrs(op);
        int group = Math.toIntExact(a.getInt("group", 1));
        if (xs.length < 3 || xs.length > 5) {
            throw ctx.unsupported(op, "only 1-D, 2-D and 3-D convolutions are supported");
        }
        int[] kernel = Arrays.copyOfRange(ws, 2, ws.length);
        JavaModel.Window win = window(op, ctx, a, xs, kernel, false);
        String geometry = ctx.staticName(op, "geometry");
        ctx.addStatic(new ConvField(geometry, xs[0], xs[1], ws[0], group, win));
        String x = ctx.read(op.operand(0), op);
        String w = ctx.read(op.operand(1), op);
        boolean hasBias = op.numOperands() > 2 && op.operand(2).type() != NoneType.NONE;
        boolean depthwise = group == xs[1] && group == ws[0];
        if (depthwise) {
            depthwise(op, ctx, geometry, x, w, hasBias);
            return;
        }
        Object bias = hasBias ? ctx.read(op.operand(2), op) : "null";
        String y = ctx.write(op.result(0), op);
        int cg = xs[1] / group;
        boolean pointwise = isPointwise(win);
        Object scratch = depthwise || pointwise ? "null"
                : ctx.scratch(op, cg * product(win.kernel()) * product(win.out()));
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op),
                List.of(new Call("Conv.forward", List.of(geometry, x, w, bias, y, scratch, "parallel")))));
        FusedActivation.addIfFused(op, ctx, y);
    }

    /**
     * A depthwise layer with its epilogue ({@link ConvEpilogue}: a per-channel Add as bias, a
     * following Relu or Clip, or a FusedConv's) applied by {@code Depthwise} as it stores.
     */
    private static void depthwise(Operation op, LoweringContext ctx, String geometry, String x, String w,
                                  boolean hasBias) {
        ConvEpilogue epi = ConvEpilogue.of(op, hasBias ? op.operand(2) : null, ctx);
        Object bias = epi.bias() == null ? "null" : ctx.read(epi.bias(), op);
        Operation last = epi.absorbed().isEmpty() ? op : epi.absorbed().get(epi.absorbed().size() - 1);
        String y = ctx.write(epi.out(), last);
        String clamp = epi.clamp() == null ? "Clamp.NONE" : epi.clamp();
        StringBuilder comment = new StringBuilder(ctx.describe(op));
        for (Operation absorbed : epi.absorbed()) {
            comment.append("; ").append(ctx.describe(absorbed));
            ctx.absorb(absorbed);
        }
        ctx.addStep(new KernelStep(ctx.method(op), comment.toString(),
                List.of(new Call("Depthwise.forward", List.of(geometry, x, w, bias, y, clamp, "parallel")))));
        if (epi.clamp() == null) {
            FusedActivation.addIfFused(op, ctx, y);
        }
    }

    private static void convTranspose(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        int[] ws = ctx.shape(op.operand(1));
        OpAttributes a = ctx.attrs(op);
        int group = Math.toIntExact(a.getInt("group", 1));
        if (xs.length < 3 || xs.length > 5) {
            throw ctx.unsupported(op, "only 1-D, 2-D and 3-D transposed convolutions are supported");
        }
        int[] kernel = Arrays.copyOfRange(ws, 2, ws.length);
        Window w;
        try {
            w = ConvolutionKernels.transposeWindow(op.name(), a, Arrays.copyOfRange(xs, 2, xs.length), kernel)
                    .as3d(op.name());
        } catch (NncException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
        JavaModel.Window win = model(w);
        int m = ws[1] * group;
        String geometry = ctx.staticName(op, "geometry");
        ctx.addStatic(new ConvField(geometry, xs[0], xs[1], m, group, win));
        String x = ctx.read(op.operand(0), op);
        int rowsPerGroup = ws[1] * product(win.kernel());
        List<Call> calls = new ArrayList<>();
        String packed;
        if (ctx.constant(op.operand(1)) != null) {
            packed = ctx.readPacked(op.operand(1), op, "ConvTranspose.packWeights", List.of(group, xs[1], rowsPerGroup));
        } else {
            packed = ctx.scratch(op, Math.toIntExact(LinearLowering.product(ws)));
            calls.add(new Call("ConvTranspose.packWeightsInto", List.of(ctx.read(op.operand(1), op), packed, group, xs[1],
                    rowsPerGroup)));
        }
        boolean hasBias = op.numOperands() > 2 && op.operand(2).type() != NoneType.NONE;
        Object bias = hasBias ? ctx.read(op.operand(2), op) : "null";
        String y = ctx.write(op.result(0), op);
        String cols = ctx.scratch(op, rowsPerGroup * product(win.in()));
        calls.add(new Call("ConvTranspose.forward", List.of(geometry, x, packed, bias, y, cols, "parallel")));
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), calls));
    }

    private static void pool(Operation op, LoweringContext ctx) {
        if (!op.opName().equals("MaxPool") && !op.opName().equals("AveragePool")) {
            throw ctx.unsupported(op, "not supported yet");
        }
        if (op.numResults() > 1 && op.result(1).hasUses()) {
            throw ctx.unsupported(op, "MaxPool's Indices output is not supported");
        }
        int[] xs = ctx.shape(op.operand(0));
        OpAttributes a = ctx.attrs(op);
        long[] ks = a.getInts("kernel_shape", new long[0]);
        if (xs.length < 3 || xs.length > 5 || ks.length != xs.length - 2) {
            throw ctx.unsupported(op, "needs a 1-D, 2-D or 3-D kernel_shape matching the input");
        }
        int[] kernel = Arrays.stream(ks).mapToInt(Math::toIntExact).toArray();
        JavaModel.Window win = window(op, ctx, a, xs, kernel, a.getInt("ceil_mode", 0) != 0);
        String name = ctx.staticName(op, "window");
        ctx.addStatic(new WindowField(name, win));
        String x = ctx.read(op.operand(0), op);
        String y = ctx.write(op.result(0), op);
        int planes = xs[0] * xs[1];
        Call call = op.opName().equals("MaxPool")
                ? new Call("Pool.max", List.of(name, planes, x, y, "parallel"))
                : new Call("Pool.average", List.of(name, planes, a.getInt("count_include_pad", 0) != 0, x, y, "parallel"));
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(call)));
    }

    private static void global(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        int spatial = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, 2, xs.length)));
        String x = ctx.read(op.operand(0), op);
        String y = ctx.write(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op),
                List.of(new Call(op.opName().equals("GlobalMaxPool") ? "Pool.globalMax" : "Pool.globalAverage",
                        List.of(xs[0] * xs[1], spatial, x, y)))));
    }

    static JavaModel.Window window(Operation op, LoweringContext ctx, OpAttributes a, int[] xs, int[] kernel,
                                           boolean ceil) {
        Window w;
        try {
            w = Window.of(op.name(), a, Arrays.copyOfRange(xs, 2, xs.length), kernel, ceil).as3d(op.name());
        } catch (NncException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
        return model(w);
    }

    private static JavaModel.Window model(Window w) {
        return new JavaModel.Window(list(w.in()), list(w.kernel()), list(w.strides()), list(w.dilations()),
                list(w.padBegin()), list(w.padEnd()), list(w.out()));
    }

    private static boolean isPointwise(JavaModel.Window w) {
        for (int i = 0; i < 3; i++) {
            if (w.kernel().get(i) != 1 || w.strides().get(i) != 1 || w.padBegin().get(i) != 0
                    || !w.out().get(i).equals(w.in().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int product(List<Integer> v) {
        return v.stream().reduce(1, (p, q) -> p * q);
    }

    private static List<Integer> list(int[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
