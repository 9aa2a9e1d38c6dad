package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.Overflow;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.Unsigned;

/**
 * Clip: {@code min(max(x, lo), hi)}, so {@code lo > hi} gives hi everywhere and NaN stays NaN.
 * Before opset 11 the bounds are float attributes (defaults: none in opset 1, ±FLT_MAX in opset
 * 6); from 11 on they are optional scalar inputs of the input's type (integers allowed from 12).
 * A fixed-point input is clipped on raws ({@link #fixedClip}).
 */
final class ClipKernel {
    private ClipKernel() {
    }

    static Tensor clip(EvalContext ctx) {
        if (ctx.input(0) != null && ctx.input(0).elementType() instanceof FixedType) {
            return fixedClip(ctx);
        }
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

    /**
     * Clip of a fixed-point tensor on raws: a fixed bound is first cast to X's type (default
     * mode), an integer bound is a raw of X's type, a pre-opset-11 float attribute is quantised
     * to X's type; then min(max(x, lo), hi) and the one cast to the declared result type.
     */
    private static Tensor fixedClip(EvalContext ctx) {
        Tensor x = ctx.input(0);
        FixedType t = (FixedType) x.elementType();
        long lo = t.signed() ? Overflow.minRaw(t).longValue() : 0;
        long hi = Overflow.maxRaw(t).longValue();
        if (ctx.opset() < 11 && ctx.numInputs() == 1) {
            if (ctx.attrs().has("min")) {
                lo = FixedCast.quantize(ActivationKernels.attr(ctx, "min"), t, CastMode.DEFAULT);
            }
            if (ctx.attrs().has("max")) {
                hi = FixedCast.quantize(ActivationKernels.attr(ctx, "max"), t, CastMode.DEFAULT);
            }
        } else {
            lo = fixedBound(ctx, 1, t, lo);
            hi = fixedBound(ctx, 2, t, hi);
        }
        if (t.width() == 64 && !t.signed()) {
            throw ctx.error("Clip of ufixed<64> is not supported");
        }
        long[] v = x.toLongs();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.min(Math.max(v[i], lo), hi);
        }
        return FixedKernels.finish(ctx, v, t, x.shape());
    }

    private static long fixedBound(EvalContext ctx, int i, FixedType t, long dflt) {
        Tensor b = ctx.input(i);
        if (b == null) {
            return dflt;
        }
        String what = i == 1 ? "min" : "max";
        if (b.size() != 1) {
            throw ctx.error(what + " must be a scalar, got " + b.size() + " elements");
        }
        if (b.elementType() instanceof FixedType bt) {
            return FixedCast.cast(b.longs()[0], bt, t, CastMode.DEFAULT);
        }
        if (b.elementType() instanceof dev.nnc.ir.type.IntegerType) {
            return Overflow.SAT.apply(java.math.BigInteger.valueOf(b.getLong(0)), t);
        }
        throw ctx.error(what + " of a fixed-point Clip must be fixed point (or an integer raw), got "
                + b.elementType().spelling() + "; quantize it first");
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
