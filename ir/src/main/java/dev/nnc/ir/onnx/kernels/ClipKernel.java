package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.Unsigned;

/**
 * Clip: {@code min(max(x, lo), hi)}, so {@code lo > hi} gives hi everywhere and NaN stays NaN.
 * Before opset 11 the bounds are float attributes (defaults: none in opset 1, ±FLT_MAX in opset
 * 6); from 11 on they are optional scalar inputs of the input's type (integers allowed from 12).
 */
final class ClipKernel {
    private ClipKernel() {
    }

    static Tensor clip(EvalContext ctx) {
        Tensor x = ElementwiseSupport.requireNumeric(ctx, ctx.input(0), "input");
        ElementType e = x.elementType();
        if (ctx.opset() < 11 && ctx.numInputs() == 1) {
            double dflt = ctx.opset() >= 6 ? Float.MAX_VALUE : Double.POSITIVE_INFINITY;
            double lo = ctx.attrs().has("min") ? ActivationKernels.attr(ctx, "min") : -dflt;
            double hi = ctx.attrs().has("max") ? ActivationKernels.attr(ctx, "max") : dflt;
            return clipDouble(ctx, x, lo, hi);
        }
        Tensor min = bound(ctx, 1, x);
        Tensor max = bound(ctx, 2, x);
        if (e.isFloat()) {
            double lo = min == null ? Double.NEGATIVE_INFINITY : min.doubles()[0];
            double hi = max == null ? Double.POSITIVE_INFINITY : max.doubles()[0];
            return clipDouble(ctx, x, lo, hi);
        }
        boolean u64 = Unsigned.isU64(e);
        long lo = min == null ? (u64 ? 0 : Long.MIN_VALUE) : min.longs()[0];
        long hi = max == null ? (u64 ? -1L : Long.MAX_VALUE) : max.longs()[0];
        return ElementwiseSupport.mapLong(x, e, v -> {
            if (u64) {
                long r = Long.compareUnsigned(v, lo) < 0 ? lo : v;
                return Long.compareUnsigned(r, hi) > 0 ? hi : r;
            }
            return Math.min(Math.max(v, lo), hi);
        });
    }

    private static Tensor clipDouble(EvalContext ctx, Tensor x, double lo, double hi) {
        ElementwiseSupport.requireFloat(ctx, x, "input");
        return ElementwiseSupport.mapDouble(x, x.elementType(), v -> Math.min(Math.max(v, lo), hi));
    }

    /** Optional bound input i: a one-element tensor of the input's type, or null. */
    private static Tensor bound(EvalContext ctx, int i, Tensor x) {
        Tensor b = ctx.input(i);
        if (b == null) {
            return null;
        }
        if (b.size() != 1) {
            throw ctx.error((i == 1 ? "min" : "max") + " must be a scalar, got " + b.size() + " elements");
        }
        ElementwiseSupport.requireSameType(ctx, x, b);
        return b;
    }
}
