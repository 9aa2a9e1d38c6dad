package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.cpu.gen.JavaModel.StaticObject;
import dev.nnc.cpu.gen.JavaModel.WindowField;
import dev.nnc.cpu.runtime.NhwcConv;
import dev.nnc.cpu.runtime.Window3;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A convolution run channels-last ({@link NhwcPlan}): a static {@code NhwcDepthwise} or
 * {@code NhwcConv} layer, weights packed at construction, bias and Relu/Clip ({@link ConvEpilogue})
 * applied as it stores, the result written NHWC. Pointwise and depthwise layers run so when their
 * input is already NHWC or a channels-last layer reads their result; a stem layer (any other
 * group-1 window, reading NCHW) only when a channels-last layer reads its result.
 */
final class NhwcConvLowering {
    private NhwcConvLowering() {
    }

    /** Lowers {@code op} channels-last and returns true, or returns false (and generates nothing) when it runs NCHW. */
    static boolean lower(Operation op, LoweringContext ctx) {
        if (!ctx.channelsLastChains()) {
            return false;
        }
        NhwcPlan.Kind kind = NhwcPlan.kind(op, ctx);
        if (kind == NhwcPlan.Kind.NONE) {
            return false;
        }
        boolean hasBias = op.numOperands() > 2 && op.operand(2).type() != NoneType.NONE;
        ConvEpilogue epi = ConvEpilogue.of(op, hasBias ? op.operand(2) : null, ctx);
        boolean wanted = NhwcPlan.wanted(epi.out(), ctx);
        boolean run = kind == NhwcPlan.Kind.STEM ? wanted : wanted || ctx.channelsLast(op.operand(0)) != null;
        if (!run || epi.clamp() == null) {
            return false;
        }
        int[] xs = ctx.shape(op.operand(0));
        int[] ws = ctx.shape(op.operand(1));
        Window3 w = NhwcPlan.window(op, ctx);
        String layer = ctx.staticName(op, "layer");
        String window = ctx.staticName(op, "window");
        ctx.addStatic(new WindowField(window, model(w)));
        String x = kind == NhwcPlan.Kind.STEM ? ctx.read(op.operand(0), op) : ctx.readChannelsLast(op.operand(0), op);
        List<Object> args = new ArrayList<>();
        if (kind == NhwcPlan.Kind.DEPTHWISE) {
            ctx.addStatic(new StaticObject("NhwcDepthwise", layer, List.of(xs[0], xs[1], window)));
        } else {
            ctx.addStatic(new StaticObject("NhwcConv", layer, List.of(xs[0], xs[1], ws[0], window)));
        }
        String weights = ctx.readPacked(op.operand(1), op, layer + ".pack", List.of());
        Object bias = epi.bias() == null ? "null" : ctx.read(epi.bias(), op);
        Operation last = epi.absorbed().isEmpty() ? op : epi.absorbed().get(epi.absorbed().size() - 1);
        String y = ctx.writeChannelsLast(epi.out(), last);
        args.addAll(List.of(x, weights, bias, y));
        if (kind != NhwcPlan.Kind.DEPTHWISE) {
            int scratch = new NhwcConv(xs[0], xs[1], ws[0], w).scratchSize();
            args.add(scratch == 0 ? "null" : ctx.scratch(op, scratch));
        }
        args.addAll(List.of(epi.clamp(), "parallel"));
        StringBuilder comment = new StringBuilder(ctx.describe(op));
        for (Operation absorbed : epi.absorbed()) {
            comment.append("; ").append(ctx.describe(absorbed));
            ctx.absorb(absorbed);
        }
        comment.append("; channels-last");
        ctx.addStep(new KernelStep(ctx.method(op), comment.toString(), List.of(new Call(layer + ".forward", args))));
        return true;
    }

    private static JavaModel.Window model(Window3 w) {
        return new JavaModel.Window(list(w.in()), list(w.kernel()), list(w.strides()), list(w.dilations()),
                list(w.padBegin()), list(w.padEnd()), list(w.out()));
    }

    private static List<Integer> list(int[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
