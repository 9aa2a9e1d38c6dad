package dev.nnc.cpu.gen;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a dense convolution applies as it stores its result ({@code DenseConv}'s bias and
 * {@code Clamp}): its own bias, else a following per-channel constant Add (as old exporters write
 * the bias); then a following Relu or constant-bound Clip, or the activation of a FusedConv. Each
 * absorbed op must be the only reader of the value before it, and it produces no code of its own.
 */
record ConvEpilogue(Value bias, String clamp, List<Operation> absorbed, Value out) {

    static ConvEpilogue of(Operation conv, Value ownBias, LoweringContext ctx) {
        Value v = conv.result(0);
        Value bias = ownBias;
        List<Operation> absorbed = new ArrayList<>();
        int[] shape = ctx.shape(v);
        if (conv.opName().startsWith("Fused")) {
            return new ConvEpilogue(bias, fusedClamp(conv, ctx), absorbed, v);
        }
        Operation next = soleUser(v, shape, ctx);
        if (bias == null && next != null && next.opName().equals("Add")) {
            Value other = next.operand(0) == v ? next.operand(1) : next.operand(0);
            if (isPerChannel(ctx.constant(other), shape)) {
                bias = other;
                absorbed.add(next);
                v = next.result(0);
                next = soleUser(v, shape, ctx);
            }
        }
        String clamp = "Clamp.NONE";
        if (next != null && next.opName().equals("Relu")) {
            clamp = "Clamp.RELU";
        } else if (next != null && next.opName().equals("Clip")) {
            float[] bounds = clipBounds(next, ctx);
            clamp = bounds == null ? clamp : clamp(bounds[0], bounds[1]);
        }
        if (!clamp.equals("Clamp.NONE")) {
            absorbed.add(next);
            v = next.result(0);
        }
        return new ConvEpilogue(bias, clamp, absorbed, v);
    }

    /** The op that alone reads {@code v} (not a model output), if its result has the same shape; else null. */
    private static Operation soleUser(Value v, int[] shape, LoweringContext ctx) {
        if (v.uses().size() != 1 || ctx.isOutput(v)) {
            return null;
        }
        Operation user = v.uses().get(0).user();
        boolean same = user.dialect().equals("onnx") && user.numResults() == 1
                && Arrays.equals(ctx.shape(user.result(0)), shape);
        return same ? user : null;
    }

    /** True for an f32 constant that broadcasts along the channel axis only ([M,1,1], [1,M,1,1], ...). */
    private static boolean isPerChannel(Tensor c, int[] shape) {
        if (c == null || !c.isDoubles() || c.elementType() != dev.nnc.ir.type.FloatType.F32) {
            return false;
        }
        int[] cs = c.shape();
        if (cs.length > shape.length) {
            return false;
        }
        int lead = shape.length - cs.length;
        for (int d = 0; d < shape.length; d++) {
            int size = d < lead ? 1 : cs[d - lead];
            if (size != (d == 1 ? shape[1] : 1)) {
                return false;
            }
        }
        return true;
    }

    /** Clip's bounds when they are attributes (before opset 11) or constant scalars; else null. */
    private static float[] clipBounds(Operation clip, LoweringContext ctx) {
        float lo = Float.NEGATIVE_INFINITY;
        float hi = Float.POSITIVE_INFINITY;
        if (ctx.opset() < 11) {
            lo = (float) ctx.attrs(clip).getFloat("min", lo);
            hi = (float) ctx.attrs(clip).getFloat("max", hi);
        }
        for (int i = 1; i < clip.numOperands(); i++) {
            Value b = clip.operand(i);
            if (b.type() == NoneType.NONE) {
                continue;
            }
            Tensor t = ctx.constant(b);
            if (t == null || t.size() != 1 || !t.isDoubles() || Double.isNaN(t.getDouble(0))) {
                return null;
            }
            if (i == 1) {
                lo = (float) t.getDouble(0);
            } else {
                hi = (float) t.getDouble(0);
            }
        }
        return new float[] {lo, hi};
    }

    /** The clamp of a FusedConv's activation: Relu and Clip; anything else runs as its own step. */
    private static String fusedClamp(Operation conv, LoweringContext ctx) {
        String act = ctx.attrs(conv).getString("activation");
        double[] p = ctx.attrs(conv).getFloats("activation_params", new double[0]);
        if (act.equals("Relu") && p.length == 0) {
            return "Clamp.RELU";
        }
        if (act.equals("Clip") && p.length == 2 && !Double.isNaN(p[0]) && !Double.isNaN(p[1])) {
            return clamp((float) p[0], (float) p[1]);
        }
        return null;
    }

    private static String clamp(float lo, float hi) {
        return lo == 0f && hi == Float.POSITIVE_INFINITY ? "Clamp.RELU" : "new Clamp(" + literal(lo) + ", " + literal(hi) + ")";
    }

    /** A float as a Java literal (as the templates print floats). */
    private static String literal(float v) {
        if (Float.isInfinite(v)) {
            return v > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
        }
        return Float.toString(v) + "f";
    }
}
