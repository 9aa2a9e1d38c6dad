package dev.nnc.cpu.gen;

import dev.nnc.cpu.runtime.Window3;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.kernels.Window;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * Which convolutions run channels-last (NHWC). A depthwise convolution in NCHW works one channel
 * plane at a time: short rows, unaligned taps and, at stride 2, shuffles; in NHWC every tap of an
 * output pixel is one contiguous vector of channels. So a model with a depthwise layer keeps its
 * chains of 2-D convolutions in NHWC: pointwise and depthwise layers read and write NHWC, a dense
 * "stem" layer whose result feeds them reads NCHW and writes NHWC, and values cross to NCHW only
 * where another op reads them (one conversion per value, {@link LoweringContext#channelsLast}).
 * Models without a depthwise layer are left in NCHW, where the packed GEMM already runs near peak.
 */
final class NhwcPlan {
    /** How a convolution takes part. */
    enum Kind { NONE, POINTWISE, DEPTHWISE, STEM }

    private NhwcPlan() {
    }

    /** True when the function has a depthwise layer that can run channels-last. */
    static boolean worthIt(List<Operation> ops, LoweringContext ctx) {
        for (Operation op : ops) {
            if (kind(op, ctx) == Kind.DEPTHWISE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The part {@code op} can take: an f32 2-D Conv or FusedConv with constant weights and static
     * shapes, group 1 (pointwise when 1x1 with stride 1 and no padding, else a stem) or depthwise.
     */
    static Kind kind(Operation op, LoweringContext ctx) {
        boolean conv = op.name().equals("onnx.Conv") || op.name().equals("onnx.FusedConv");
        if (!conv || op.numOperands() < 2) {
            return Kind.NONE;
        }
        int[] xs = staticF32(op.operand(0));
        int[] ws = staticF32(op.operand(1));
        int[] ys = staticF32(op.result(0));
        if (xs == null || ws == null || ys == null || xs.length != 4 || ws.length != 4 || !isConstant(op.operand(1), ctx)) {
            return Kind.NONE;
        }
        Window3 w = window(op, ctx);
        if (w == null) {
            return Kind.NONE;
        }
        long group = ctx.attrs(op).getInt("group", 1);
        if (group == xs[1] && group == ws[0] && ws[1] == 1) {
            return Kind.DEPTHWISE;
        }
        if (group != 1) {
            return Kind.NONE;
        }
        return w.isPointwise() ? Kind.POINTWISE : Kind.STEM;
    }

    /** True when {@code user} reads operand {@code index} channels-last. */
    static boolean readsNhwc(Operation user, int index, LoweringContext ctx) {
        Kind k = kind(user, ctx);
        return index == 0 && (k == Kind.POINTWISE || k == Kind.DEPTHWISE);
    }

    /** True when a convolution result {@code out} is worth writing channels-last: a channels-last layer reads it. */
    static boolean wanted(Value out, LoweringContext ctx) {
        if (!ctx.channelsLastChains()) {
            return false;
        }
        for (Value.Use u : out.uses()) {
            if (readsNhwc(u.user(), u.operandIndex(), ctx)) {
                return true;
            }
        }
        return false;
    }

    /** True for a Transpose with perm [0, 2, 3, 1]: NCHW to NHWC, the identity on an NHWC array. */
    static boolean isToNhwc(Operation op, long[] perm) {
        return op.name().equals("onnx.Transpose") && perm != null && Arrays.equals(perm, new long[] {0, 2, 3, 1});
    }

    /** The 2-D window of a conv op as the runtime takes it, or null when the attributes are not a valid window. */
    static Window3 window(Operation op, LoweringContext ctx) {
        int[] xs = ((TensorType) op.operand(0).type()).shape();
        int[] ws = ((TensorType) op.operand(1).type()).shape();
        try {
            Window w = Window.of(op.name(), ctx.attrs(op), Arrays.copyOfRange(xs, 2, 4), Arrays.copyOfRange(ws, 2, 4), false)
                    .as3d(op.name());
            return new Window3(w.in(), w.kernel(), w.strides(), w.dilations(), w.padBegin(), w.padEnd(), w.out());
        } catch (NncException e) {
            return null;
        }
    }

    private static boolean isConstant(Value v, LoweringContext ctx) {
        return ctx.constant(v) != null || v.definingOp() != null && v.definingOp().name().equals("onnx.Constant");
    }

    private static int[] staticF32(Value v) {
        return v.type() instanceof TensorType t && t.isStatic() && t.elementType() == FloatType.F32 ? t.shape() : null;
    }
}
