package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * ONNX ops on fixed-point tensors, bit-exact by the rules of {@code dev.nnc.ir.fixed}: each op
 * computes its exact result in the exact type ({@link FixedRules#sum}, {@link FixedRules#product},
 * {@link FixedRules#dot}) and then casts it once to the op's declared result element type with
 * {@link CastMode#DEFAULT}. Declaring the exact type makes the op exact; a different mode needs a
 * {@code q.cast} after an exactly-typed op. The float kernels call in here with one line when an
 * operand is fixed.
 */
public final class FixedKernels {
    private FixedKernels() {
    }

    /** True when some operand is a fixed-point tensor, so the op runs by the fixed-point rules. */
    public static boolean applies(EvalContext ctx) {
        for (Tensor t : ctx.inputs()) {
            if (t != null && t.elementType() instanceof FixedType) {
                return true;
            }
        }
        return false;
    }

    /** The operand's fixed type, or an error: fixed and non-fixed operands do not mix. */
    static FixedType fixed(EvalContext ctx, Tensor t, String what) {
        if (t.elementType() instanceof FixedType ft) {
            return ft;
        }
        throw ctx.error(what + " is " + t.elementType().spelling() + " but another operand is fixed-point; quantize it first");
    }

    /** The declared fixed element type of result i. */
    static FixedType declared(EvalContext ctx, int i) {
        if (ctx.outputType(i) instanceof TensorType tt && tt.elementType() instanceof FixedType ft) {
            return ft;
        }
        throw ctx.error("fixed-point operands need a fixed-point result type, got " + ctx.outputType(i));
    }

    /** Exact raws of type {@code exact} cast to the declared result type. */
    static Tensor finish(EvalContext ctx, long[] raws, FixedType exact, int[] shape) {
        FixedType to = declared(ctx, 0);
        if (!to.equals(exact)) {
            for (int i = 0; i < raws.length; i++) {
                raws[i] = FixedCast.cast(raws[i], exact, to, CastMode.DEFAULT);
            }
        }
        return Tensor.ofLongs(to, shape, raws);
    }

    /** An exact-type rule that may exceed 64 bits, as an error naming the op. */
    static FixedType exact(EvalContext ctx, java.util.function.Supplier<FixedType> rule) {
        try {
            return rule.get();
        } catch (ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
    }

    public static List<Tensor> add(EvalContext ctx) {
        return List.of(sumOrDifference(ctx, false));
    }

    public static List<Tensor> sub(EvalContext ctx) {
        return List.of(sumOrDifference(ctx, true));
    }

    private static Tensor sumOrDifference(EvalContext ctx, boolean subtract) {
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        FixedType ta = fixed(ctx, a, "A");
        FixedType tb = fixed(ctx, b, "B");
        FixedType t = exact(ctx, () -> subtract ? FixedRules.difference(ta, tb) : FixedRules.sum(ta, tb));
        int f = t.fractionBits();
        return zip(ctx, a, b, t, subtract
                ? (x, y) -> FixedRules.align(x, ta, f) - FixedRules.align(y, tb, f)
                : (x, y) -> FixedRules.align(x, ta, f) + FixedRules.align(y, tb, f));
    }

    public static List<Tensor> mul(EvalContext ctx) {
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        FixedType ta = fixed(ctx, a, "A");
        FixedType tb = fixed(ctx, b, "B");
        return List.of(zip(ctx, a, b, exact(ctx, () -> FixedRules.product(ta, tb)), (x, y) -> x * y));
    }

    private static Tensor zip(EvalContext ctx, Tensor a, Tensor b, FixedType exact, LongBinaryOperator f) {
        int[] shape = ElementwiseSupport.broadcastShape(ctx, a, b);
        int[] ia = ElementwiseSupport.index(a, shape);
        int[] ib = ElementwiseSupport.index(b, shape);
        long[] la = a.longs();
        long[] lb = b.longs();
        long[] r = new long[ElementwiseSupport.size(shape)];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsLong(la[ia == null ? i : ia[i]], lb[ib == null ? i : ib[i]]);
        }
        return finish(ctx, r, exact, shape);
    }

    /** Relu: negative raws become 0 (exact), then the cast to the declared type. */
    public static List<Tensor> relu(EvalContext ctx) {
        Tensor x = ctx.input(0);
        FixedType t = fixed(ctx, x, "X");
        long[] v = x.toLongs();
        if (t.signed()) {
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.max(v[i], 0);
            }
        }
        return List.of(finish(ctx, v, t, x.shape()));
    }
}
