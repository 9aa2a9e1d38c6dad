package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import java.util.Arrays;
import java.util.List;

/**
 * Data movement on any element type: {@code DepthToSpace} (DCR and CRD) and {@code SpaceToDepth}
 * as one strided copy of the 6-D view the op transposes ({@code Strided.copy}, strides computed
 * here), {@code GatherND} and {@code ReverseSequence} through the runtime's {@code Rearrange}.
 */
final class RearrangeLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        ctx.dtype(op.operand(0), op);
        int[] xs = ctx.shape(op.operand(0));
        OpAttributes a = ctx.attrs(op);
        Call call;
        switch (op.opName()) {
            case "GatherND" -> {
                int[] is = ctx.shape(op.operand(1));
                int b = Math.toIntExact(a.getInt("batch_dims", 0));
                int k = is[is.length - 1];
                int tuples = Math.toIntExact(LinearLowering.product(Arrays.copyOf(is, is.length - 1)));
                int perBatch = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(is, b, is.length - 1)));
                String shape = ScatterLowering.shape(op, ctx, "shape", xs);
                String data = ctx.readTyped(op.operand(0), op);
                String indices = ctx.readTyped(op.operand(1), op);
                String y = ctx.writeTyped(op.result(0), op);
                call = new Call("Rearrange.gatherNd", List.of(data, shape, b, indices, k, tuples, perBatch, y));
            }
            case "ReverseSequence" -> {
                int time = axis(a.getInt("time_axis", 0), xs.length, op, ctx);
                int batch = axis(a.getInt("batch_axis", 1), xs.length, op, ctx);
                String shape = ScatterLowering.shape(op, ctx, "shape", xs);
                String x = ctx.readTyped(op.operand(0), op);
                String lens = ctx.readTyped(op.operand(1), op);
                String y = ctx.writeTyped(op.result(0), op);
                call = new Call("Rearrange.reverseSequence", List.of(x, shape, lens, time, batch, y));
            }
            default -> call = blocks(op, ctx, xs, Math.toIntExact(a.getInt("blocksize", 0)),
                    a.getString("mode", "DCR").equals("CRD"));
        }
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(call)));
    }

    /** The 6-D view of DepthToSpace or SpaceToDepth and its permutation, as a strided copy into the result. */
    private static Call blocks(Operation op, LoweringContext ctx, int[] xs, int b, boolean crd) {
        if (xs.length != 4 || b <= 0) {
            throw ctx.unsupported(op, "needs a rank-4 input and a positive blocksize");
        }
        int n = xs[0];
        int[] view;
        int[] perm;
        if (op.opName().equals("SpaceToDepth")) {
            view = new int[] {n, xs[1], xs[2] / b, b, xs[3] / b, b};
            perm = new int[] {0, 3, 5, 1, 2, 4};
        } else if (crd) {
            view = new int[] {n, xs[1] / (b * b), b, b, xs[2], xs[3]};
            perm = new int[] {0, 1, 4, 2, 5, 3};
        } else {
            view = new int[] {n, b, b, xs[1] / (b * b), xs[2], xs[3]};
            perm = new int[] {0, 3, 4, 1, 5, 2};
        }
        int[] viewStrides = Shapes.strides(view);
        int[] shape = new int[6];
        int[] srcStrides = new int[6];
        for (int d = 0; d < 6; d++) {
            shape[d] = view[perm[d]];
            srcStrides[d] = viewStrides[perm[d]];
        }
        String x = ctx.readTyped(op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        String s = ScatterLowering.shape(op, ctx, "src_strides", srcStrides);
        String d = ScatterLowering.shape(op, ctx, "dst_strides", Shapes.strides(shape));
        String sh = ScatterLowering.shape(op, ctx, "shape", shape);
        return new Call("Strided.copy", List.of(x, 0, s, y, 0, d, sh));
    }

    private static int axis(long axis, int rank, Operation op, LoweringContext ctx) {
        if (axis < -rank || axis >= rank) {
            throw ctx.unsupported(op, "axis " + axis + " out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }
}
