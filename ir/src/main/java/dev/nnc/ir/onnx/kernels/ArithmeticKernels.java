package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.type.Unsigned.isU64;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Binary arithmetic with numpy broadcasting ({@code Add Sub Mul Div Pow Mod}) and the variadic
 * {@code Max Min Sum Mean}. Floats compute in double and round once to the element type;
 * integers wrap to their width; integer division truncates toward zero as in C; {@code u64}
 * divides and compares unsigned. Integer division or modulo by zero gives 0, as the ONNX
 * reference (numpy) does.
 */
public final class ArithmeticKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/arithmetic.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Add", ElementwiseInfer::sameElement, ctx -> FixedKernels.applies(ctx) ? FixedKernels.add(ctx) : one(binary(ctx, Double::sum, Long::sum)));
        t.op("Sub", ElementwiseInfer::sameElement, ctx -> FixedKernels.applies(ctx) ? FixedKernels.sub(ctx) : one(binary(ctx, (a, b) -> a - b, (a, b) -> a - b)));
        t.op("Mul", ElementwiseInfer::sameElement, ctx -> FixedKernels.applies(ctx) ? FixedKernels.mul(ctx) : one(binary(ctx, (a, b) -> a * b, (a, b) -> a * b)));
        t.op("Div", ElementwiseInfer::sameElement, ctx -> one(div(ctx)));
        t.op("Mod", ElementwiseInfer::sameElement, ctx -> one(mod(ctx)));
        t.op("Pow", ElementwiseInfer::sameElement, ctx -> one(pow(ctx)));
        t.op("Max", ElementwiseInfer::sameElement, ctx -> one(variadic(ctx, ArithmeticKernels::maxDouble, true)));
        t.op("Min", ElementwiseInfer::sameElement, ctx -> one(variadic(ctx, ArithmeticKernels::minDouble, false)));
        t.op("Sum", ElementwiseInfer::sameElement, ctx -> one(sum(ctx)));
        t.op("Mean", ElementwiseInfer::sameElement, ctx -> one(mean(ctx)));
    }

    private static List<Tensor> one(Tensor t) {
        return List.of(t);
    }

    /** A same-typed binary op: the double rule for floats, the long rule (then wrapped) for integers. */
    static Tensor binary(EvalContext ctx, DoubleBinaryOperator fd, LongBinaryOperator fl) {
        Tensor a = ElementwiseSupport.requireNumeric(ctx, ctx.input(0), "A");
        Tensor b = ElementwiseSupport.alignLegacy(ctx, a, ctx.input(1));
        return combine(ctx, a, b, fd, fl);
    }

    private static Tensor combine(EvalContext ctx, Tensor a, Tensor b, DoubleBinaryOperator fd, LongBinaryOperator fl) {
        ElementwiseSupport.requireSameType(ctx, a, b);
        ElementType e = a.elementType();
        return e.isFloat() ? ElementwiseSupport.zipDouble(ctx, a, b, e, fd) : ElementwiseSupport.zipLong(ctx, a, b, e, fl);
    }

    private static Tensor div(EvalContext ctx) {
        boolean u64 = isU64(ctx.input(0).elementType());
        return binary(ctx, (a, b) -> a / b, (a, b) -> {
            if (b == 0) {
                return 0;
            }
            return u64 ? Long.divideUnsigned(a, b) : a / b;
        });
    }

    /** {@code fmod=0}: the sign of the result follows the divisor (numpy mod); {@code fmod=1}: C fmod. */
    private static Tensor mod(EvalContext ctx) {
        boolean fmod = ctx.attrs().getInt("fmod", 0) != 0;
        boolean u64 = isU64(ctx.input(0).elementType());
        return binary(ctx, (a, b) -> fmod ? a % b : floorMod(a, b), (a, b) -> {
            if (b == 0) {
                return 0;
            }
            if (u64) {
                return Long.remainderUnsigned(a, b);
            }
            return fmod ? a % b : Math.floorMod(a, b);
        });
    }

    /** numpy's float mod: fmod corrected toward the divisor's sign; a zero result takes the divisor's sign. */
    static double floorMod(double a, double b) {
        double r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) {
            r += b;
        }
        return r == 0 ? Math.copySign(0.0, b) : r;
    }

    /**
     * Pow: the result has the base's type. Float bases use C99 pow ({@link SpecialFunctions#pow}); integer bases with an
     * integer exponent multiply exactly (wrapping), with a float exponent truncate pow's result.
     */
    private static Tensor pow(EvalContext ctx) {
        Tensor a = ElementwiseSupport.requireNumeric(ctx, ctx.input(0), "base X");
        Tensor b = ElementwiseSupport.requireNumeric(ctx, ElementwiseSupport.alignLegacy(ctx, a, ctx.input(1)), "exponent Y");
        ElementType e = a.elementType();
        if (e.isFloat()) {
            return ElementwiseSupport.zipDouble(ctx, a, b, e, SpecialFunctions::pow);
        }
        if (b.elementType().isFloat()) {
            Tensor r = ElementwiseSupport.zipDouble(ctx, a, b, FloatType.F64, SpecialFunctions::pow);
            double[] d = r.doubles();
            long[] l = new long[d.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = ElementwiseSupport.truncateToLong(d[i], e);
            }
            return Tensor.ofLongs(e, r.shape(), l);
        }
        boolean unsignedExp = isU64(b.elementType());
        boolean u64Base = isU64(e);
        return ElementwiseSupport.zipLong(ctx, a, b, e, (x, y) -> intPow(x, y, unsignedExp, u64Base));
    }

    /**
     * x^y by squaring with wrapping multiplication; a negative exponent goes through double pow.
     * The CPU backend's integer Pow calls it too.
     */
    public static long intPow(long x, long y, boolean unsignedExp, boolean u64Base) {
        if (y < 0 && !unsignedExp) {
            double base = u64Base && x < 0 ? Math.scalb((double) (x >>> 1), 1) : x;
            return (long) SpecialFunctions.pow(base, y);
        }
        long result = 1;
        long p = x;
        long n = y;
        while (n != 0) {
            if ((n & 1) != 0) {
                result *= p;
            }
            p *= p;
            n >>>= 1;
        }
        return result;
    }

    private static double maxDouble(double a, double b) {
        return Math.max(a, b);
    }

    private static double minDouble(double a, double b) {
        return Math.min(a, b);
    }

    /** Max/Min over all inputs; NaN propagates (numpy maximum/minimum); u64 compares unsigned. */
    private static Tensor variadic(EvalContext ctx, DoubleBinaryOperator fd, boolean max) {
        Tensor acc = ElementwiseSupport.requireNumeric(ctx, ctx.input(0), "input 0");
        boolean u64 = isU64(acc.elementType());
        LongBinaryOperator fl = u64
                ? (a, b) -> (Long.compareUnsigned(a, b) >= 0) == max ? a : b
                : (a, b) -> max ? Math.max(a, b) : Math.min(a, b);
        for (int i = 1; i < ctx.numInputs(); i++) {
            acc = combine(ctx, acc, ctx.input(i), fd, fl);
        }
        return acc;
    }

    /** Sum: floats add in double and round once; integers wrap. */
    private static Tensor sum(EvalContext ctx) {
        Tensor first = ElementwiseSupport.requireNumeric(ctx, ctx.input(0), "input 0");
        ElementType e = first.elementType();
        if (e.isFloat()) {
            Tensor total = sumAsDouble(ctx);
            return Tensor.ofDoubles(e, total.shape(), total.doubles());
        }
        Tensor acc = first;
        for (int i = 1; i < ctx.numInputs(); i++) {
            ElementwiseSupport.requireSameType(ctx, first, ctx.input(i));
            acc = ElementwiseSupport.zipLong(ctx, acc, ctx.input(i), e, Long::sum);
        }
        return acc;
    }

    /** Mean: the double sum of all inputs divided by their count, rounded once. */
    private static Tensor mean(EvalContext ctx) {
        ElementType e = ElementwiseSupport.requireFloat(ctx, ctx.input(0), "input 0").elementType();
        int n = ctx.numInputs();
        return ElementwiseSupport.mapDouble(sumAsDouble(ctx), e, v -> v / n);
    }

    private static Tensor sumAsDouble(EvalContext ctx) {
        Tensor acc = Tensor.ofDoubles(FloatType.F64, ctx.input(0).shape(), ctx.input(0).toDoubles());
        for (int i = 1; i < ctx.numInputs(); i++) {
            ElementwiseSupport.requireSameType(ctx, ctx.input(0), ctx.input(i));
            acc = ElementwiseSupport.zipDouble(ctx, acc, ctx.input(i), FloatType.F64, Double::sum);
        }
        return acc;
    }
}
