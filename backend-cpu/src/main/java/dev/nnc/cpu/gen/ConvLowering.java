package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.cpu.runtime.DenseConv;
import dev.nnc.cpu.runtime.Window3;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.kernels.Window;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dense Conv and FusedConv as one call of a static {@code DenseConv} layer (its plan fixed from
 * the shapes: pointwise, shifted rows or im2col): constant weights are packed by the layer at
 * construction, and the bias and a following Relu or Clip ({@link ConvEpilogue}) are applied as
 * the result is stored, so they cost no pass of their own. Depthwise layers go to
 * {@link WindowLowering}.
 */
final class ConvLowering implements OpLowering {
    private final OpLowering depthwise = new WindowLowering();

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        if (NhwcConvLowering.lower(op, ctx)) {
            return;
        }
        int[] xs = ctx.shape(op.operand(0));
        int[] ws = ctx.shape(op.operand(1));
        OpAttributes a = ctx.attrs(op);
        int group = Math.toIntExact(a.getInt("group", 1));
        if (xs.length < 3 || xs.length > 5 || group == xs[1] && group == ws[0]) {
            depthwise.lower(op, ctx);
            return;
        }
        Window w;
        try {
            w = Window.of(op.name(), a, Arrays.copyOfRange(xs, 2, xs.length), Arrays.copyOfRange(ws, 2, ws.length), false)
                    .as3d(op.name());
        } catch (NncException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
        DenseConv layer = new DenseConv(xs[0], xs[1], ws[0], group, new Window3(w.in(), w.kernel(), w.strides(),
                w.dilations(), w.padBegin(), w.padEnd(), w.out()));
        String name = ctx.staticName(op, "layer");
        ctx.addStatic(new JavaModel.DenseConvField(name, xs[0], xs[1], ws[0], group, model(w)));
        List<Call> calls = new ArrayList<>();
        String x = ctx.read(op.operand(0), op);
        String weights;
        if (ctx.constant(op.operand(1)) != null) {
            weights = ctx.readPacked(op.operand(1), op, name + ".pack", List.of());
        } else {
            weights = ctx.scratch(op, layer.packedSize());
            calls.add(new Call(name + ".packInto", List.of(ctx.read(op.operand(1), op), weights)));
        }
        boolean hasBias = op.numOperands() > 2 && op.operand(2).type() != NoneType.NONE;
        ConvEpilogue epi = ConvEpilogue.of(op, hasBias ? op.operand(2) : null, ctx);
        Object bias = epi.bias() == null ? "null" : ctx.read(epi.bias(), op);
        Operation last = epi.absorbed().isEmpty() ? op : epi.absorbed().get(epi.absorbed().size() - 1);
        String y = ctx.write(epi.out(), last);
        Object scratch = layer.scratchSize() == 0 ? "null" : ctx.scratch(op, layer.scratchSize());
        String clamp = epi.clamp() == null ? "Clamp.NONE" : epi.clamp();
        calls.add(new Call(name + ".forward", List.of(x, weights, bias, y, scratch, clamp, "parallel")));
        StringBuilder comment = new StringBuilder(ctx.describe(op));
        for (Operation absorbed : epi.absorbed()) {
            comment.append("; ").append(ctx.describe(absorbed));
            ctx.absorb(absorbed);
        }
        ctx.addStep(new KernelStep(ctx.method(op), comment.toString(), calls));
        if (epi.clamp() == null) {
            FusedActivation.addIfFused(op, ctx, y);
        }
    }

    private static JavaModel.Window model(Window w) {
        return new JavaModel.Window(list(w.in()), list(w.kernel()), list(w.strides()), list(w.dilations()),
                list(w.padBegin()), list(w.padEnd()), list(w.out()));
    }

    private static List<Integer> list(int[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
