package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Ops that only move data. Reshape-like ops move nothing: their result shares the operand's
 * array (row-major order is unchanged), so they produce no code. Transpose and Concat call the
 * runtime with strides and block sizes computed here.
 */
final class LayoutLowering implements OpLowering {
    static final Set<String> ALIASES = Set.of("Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity", "Dropout");

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        String name = op.opName();
        if (ALIASES.contains(name)) {
            if (op.numResults() > 1 && op.result(1).hasUses()) {
                throw ctx.unsupported(op, "the mask output is not supported");
            }
            ctx.alias(op.result(0), op.operand(0), op);
        } else if (name.equals("Transpose")) {
            transpose(op, ctx);
        } else {
            concat(op, ctx);
        }
    }

    private static void transpose(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        int rank = xs.length;
        long[] perm = ctx.attrs(op).getInts("perm", null);
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = perm == null || perm.length == 0 ? rank - 1 - i : Math.toIntExact(perm[i]);
        }
        if (NhwcPlan.isToNhwc(op, perm) && ctx.channelsLast(op.operand(0)) != null) {
            ctx.aliasChannelsLast(op.result(0), op.operand(0), op); // the NHWC array is the transposed tensor
            return;
        }
        int[] strides = Shapes.strides(xs);
        List<Integer> outShape = new ArrayList<>();
        List<Integer> inStrides = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            outShape.add(xs[p[i]]);
            inStrides.add(strides[p[i]]);
        }
        String shapeName = ctx.staticName(op, "shape");
        String stridesName = ctx.staticName(op, "strides");
        ctx.addStatic(new IntsField(shapeName, outShape));
        ctx.addStatic(new IntsField(stridesName, inStrides));
        String x = ctx.readTyped(op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op),
                List.of(new Call("Transpose.permute", List.of(x, y, shapeName, stridesName)))));
    }

    private static void concat(Operation op, LoweringContext ctx) {
        OpAttributes a = ctx.attrs(op);
        int[] ys = ctx.shape(op.result(0));
        int axis = Math.toIntExact(a.getInt("axis"));
        if (axis < 0) {
            axis += ys.length;
        }
        int outer = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(ys, 0, axis)));
        int inner = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(ys, axis + 1, ys.length)));
        String y = ctx.writeTyped(op.result(0), op);
        List<Call> calls = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < op.numOperands(); i++) {
            int[] xs = ctx.shape(op.operand(i));
            int block = xs[axis] * inner;
            if (block > 0) {
                calls.add(new Call("Copy.blocks", List.of(ctx.readTyped(op.operand(i), op), y, outer, block, ys[axis] * inner, offset)));
            }
            offset += block;
        }
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), calls));
    }
}
