package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Slice, Split and constant-mode Pad as strided copies ({@code Strided.copy}): the builder turns
 * starts, steps and pads into an offset and strides per axis. Slice parameters must be constants.
 */
final class StridedLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        switch (op.opName()) {
            case "Slice" -> slice(op, ctx);
            case "Split" -> split(op, ctx);
            default -> pad(op, ctx);
        }
    }

    private static void slice(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        int[] ys = ctx.shape(op.result(0));
        int rank = xs.length;
        OpAttributes a = ctx.attrs(op);
        long[] starts = ints(op, ctx, a, "starts", 1);
        long[] axes = ints(op, ctx, a, "axes", 3);
        long[] steps = ints(op, ctx, a, "steps", 4);
        int[] strides = Shapes.strides(xs);
        int[] srcStrides = strides.clone();
        int offset = 0;
        for (int i = 0; i < starts.length; i++) {
            int d = (int) (axes == null ? i : axes[i] < 0 ? axes[i] + rank : axes[i]);
            long step = steps == null ? 1 : steps[i];
            long s = starts[i] < 0 ? starts[i] + xs[d] : starts[i];
            s = step > 0 ? Math.max(0, Math.min(s, xs[d])) : Math.max(0, Math.min(s, xs[d] - 1));
            if (ys[d] > 0) {
                offset += (int) s * strides[d];
            }
            srcStrides[d] = (int) (strides[d] * step);
        }
        String x = ctx.readTyped(op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op),
                List.of(copy(op, ctx, x, offset, srcStrides, y, 0, Shapes.strides(ys), ys, ""))));
    }

    private static void split(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        int axis = Math.toIntExact(ctx.attrs(op).getInt("axis", 0));
        axis = axis < 0 ? axis + xs.length : axis;
        String x = ctx.readTyped(op.operand(0), op);
        int[] strides = Shapes.strides(xs);
        List<Call> calls = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < op.numResults(); k++) {
            Value r = op.result(k);
            int[] ys = ctx.shape(r);
            String y = ctx.writeTyped(r, op);
            calls.add(copy(op, ctx, x, start * strides[axis], strides, y, 0, Shapes.strides(ys), ys, "_" + k));
            start += ys[axis];
        }
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), calls));
    }

    private static void pad(Operation op, LoweringContext ctx) {
        OpAttributes a = ctx.attrs(op);
        if (!a.getString("mode", "constant").equals("constant")) {
            throw ctx.unsupported(op, "mode '" + a.getString("mode", "constant") + "' is not supported yet");
        }
        int[] xs = ctx.shape(op.operand(0));
        int[] ys = ctx.shape(op.result(0));
        int rank = xs.length;
        long[] pads = ints(op, ctx, a, "pads", 1);
        long[] axes = ints(op, ctx, a, "axes", 3);
        Tensor given = null;
        if (op.numOperands() > 2 && op.operand(2).type() != NoneType.NONE) {
            given = ctx.constant(op.operand(2));
            if (given == null) {
                throw ctx.unsupported(op, "constant_value must be a constant");
            }
        }
        Object value = padValue(op, ctx, given, a.getFloat("value", 0));
        int n = axes == null ? rank : axes.length;
        int[] ystr = Shapes.strides(ys);
        int[] shape = xs.clone();
        int[] srcStrides = Shapes.strides(xs);
        int srcOff = 0;
        int dstOff = 0;
        for (int i = 0; i < n; i++) {
            int d = (int) (axes == null ? i : axes[i] < 0 ? axes[i] + rank : axes[i]);
            long begin = pads[i];
            long end = pads[i + n];
            // negative pads crop
            int cropBegin = (int) Math.max(0, -begin);
            shape[d] = (int) Math.max(0, xs[d] - cropBegin - Math.max(0, -end));
            srcOff += cropBegin * srcStrides[d];
            dstOff += (int) Math.max(0, begin) * ystr[d];
        }
        String x = ctx.readTyped(op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("java.util.Arrays.fill", List.of(y, value)));
        calls.add(copy(op, ctx, x, srcOff, srcStrides, y, dstOff, ystr, shape, ""));
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), calls));
    }

    /** Pad's fill value as a Java literal of the result's element type. */
    private static Object padValue(Operation op, LoweringContext ctx, Tensor given, double attr) {
        Dtype type = Dtype.of(((TensorType) op.result(0).type()).elementType());
        double d = given == null ? attr : given.isDoubles() ? given.getDouble(0) : given.longs()[0];
        long l = given != null && !given.isDoubles() ? given.longs()[0] : (long) attr;
        return TypedLiteral.of(op, ctx, type, d, l);
    }

    private static Call copy(Operation op, LoweringContext ctx, String src, int srcOff, int[] srcStrides, String dst,
                             int dstOff, int[] dstStrides, int[] shape, String suffix) {
        String s = ctx.staticName(op, "src_strides" + suffix);
        String d = ctx.staticName(op, "dst_strides" + suffix);
        String sh = ctx.staticName(op, "shape" + suffix);
        ctx.addStatic(new IntsField(s, list(srcStrides)));
        ctx.addStatic(new IntsField(d, list(dstStrides)));
        ctx.addStatic(new IntsField(sh, list(shape)));
        return new Call("Strided.copy", List.of(src, srcOff, s, dst, dstOff, d, sh));
    }

    /** An ints parameter: the attribute (older opsets) or the constant operand {@code index}; null when absent. */
    private static long[] ints(Operation op, LoweringContext ctx, OpAttributes a, String name, int index) {
        long[] v = a.getInts(name, null);
        if (v != null) {
            return v;
        }
        if (op.numOperands() > index && op.operand(index).type() != NoneType.NONE) {
            Tensor t = ctx.constant(op.operand(index));
            if (t == null) {
                throw ctx.unsupported(op, "'" + name + "' must be a constant");
            }
            return t.toLongs();
        }
        return null;
    }

    private static List<Integer> list(int[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
