package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import java.util.List;

/** {@code Col2Im} (f32, f64; any number of spatial dims) through the runtime's {@code Col2Im}. */
final class Col2ImLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        Dtype type = ctx.dtype(op.operand(0), op);
        if (type != Dtype.F32 && type != Dtype.F64) {
            throw ctx.unsupported(op, "input must be f32 or f64");
        }
        int[] xs = ctx.shape(op.operand(0));
        int[] ys = ctx.shape(op.result(0));
        int r = ys.length - 2;
        if (xs.length != 3 || r < 1) {
            throw ctx.unsupported(op, "input must be [N, C*prod(block), L]");
        }
        OpAttributes a = ctx.attrs(op);
        for (String name : List.of("strides", "dilations", "pads")) {
            long[] v = a.getInts(name, null);
            if (v != null && v.length != (name.equals("pads") ? 2 * r : r)) {
                throw ctx.unsupported(op, name + " has " + v.length + " values for " + r + " spatial dims");
            }
        }
        String strides = ScatterLowering.shape(op, ctx, "strides", ints(a, "strides", r, 1));
        String dilations = ScatterLowering.shape(op, ctx, "dilations", ints(a, "dilations", r, 1));
        String pads = ScatterLowering.shape(op, ctx, "pads", ints(a, "pads", 2 * r, 0));
        String xShape = ScatterLowering.shape(op, ctx, "in_shape", xs);
        String yShape = ScatterLowering.shape(op, ctx, "out_shape", ys);
        ctx.dtype(op.operand(1), op);
        ctx.dtype(op.operand(2), op);
        String x = ctx.readTyped(op.operand(0), op);
        String image = ctx.readTyped(op.operand(1), op);
        String block = ctx.readTyped(op.operand(2), op);
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("Col2Im.apply",
                List.of(x, xShape, image, block, strides, dilations, pads, y, yShape)))));
    }

    private static int[] ints(OpAttributes a, String name, int n, int dflt) {
        long[] v = a.getInts(name, null);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = v == null ? dflt : Math.toIntExact(v[i]);
        }
        return out;
    }
}
