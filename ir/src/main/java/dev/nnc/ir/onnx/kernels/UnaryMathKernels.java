package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.Semantics;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Unary element-wise math: {@code Abs Neg Sign} for every numeric type (integers wrap, so
 * {@code Abs(-128:i8) = -128} as in C), float-only transcendental and rounding functions
 * ({@code Round} is half to even), and the float tests {@code IsNaN IsInf}.
 */
public final class UnaryMathKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/unary_math.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Abs", Infer::sameAsFirst, numeric(Math::abs, Math::abs, x -> x));
        t.op("Neg", Infer::sameAsFirst, numeric(x -> -x, x -> -x, x -> -x));
        t.op("Sign", Infer::sameAsFirst, numeric(Math::signum, Long::signum, x -> x == 0 ? 0 : 1));
        floatOp(t, "Reciprocal", x -> 1 / x);
        floatOp(t, "Sqrt", Math::sqrt);
        floatOp(t, "Exp", Math::exp);
        floatOp(t, "Log", Math::log);
        floatOp(t, "Floor", Math::floor);
        floatOp(t, "Ceil", Math::ceil);
        floatOp(t, "Round", Math::rint);
        floatOp(t, "Sin", Math::sin);
        floatOp(t, "Cos", Math::cos);
        floatOp(t, "Tan", Math::tan);
        floatOp(t, "Asin", Math::asin);
        floatOp(t, "Acos", Math::acos);
        floatOp(t, "Atan", Math::atan);
        floatOp(t, "Sinh", Math::sinh);
        floatOp(t, "Cosh", Math::cosh);
        floatOp(t, "Asinh", SpecialFunctions::asinh);
        floatOp(t, "Acosh", SpecialFunctions::acosh);
        floatOp(t, "Atanh", SpecialFunctions::atanh);
        floatOp(t, "Tanh", Math::tanh);
        floatOp(t, "Erf", SpecialFunctions::erf);
        t.op("IsNaN", ElementwiseInfer::boolLikeFirst,
                ctx -> List.of(ElementwiseSupport.testDouble(input(ctx), Double::isNaN)));
        t.op("IsInf", ElementwiseInfer::boolLikeFirst, UnaryMathKernels::isInf);
    }

    /** Registers a float-only op computing f in double. */
    static void floatOp(KernelTable t, String name, DoubleUnaryOperator f) {
        t.op(name, Infer::sameAsFirst, ctx -> {
            Tensor x = input(ctx);
            return List.of(ElementwiseSupport.mapDouble(x, x.elementType(), f));
        });
    }

    private static Tensor input(EvalContext ctx) {
        return ElementwiseSupport.requireFloat(ctx, ctx.input(0), "input");
    }

    /** An op over every numeric type: f for floats, signed for signed integers, unsigned for unsigned ones. */
    private static Semantics numeric(DoubleUnaryOperator f, LongUnaryOperator signed, LongUnaryOperator unsigned) {
        return ctx -> {
            Tensor x = ElementwiseSupport.requireNumeric(ctx, ctx.input(0), "input");
            ElementType e = x.elementType();
            if (e.isFloat()) {
                return List.of(ElementwiseSupport.mapDouble(x, e, f));
            }
            return List.of(ElementwiseSupport.mapLong(x, e, ElementwiseSupport.isUnsigned(e) ? unsigned : signed));
        };
    }

    private static List<Tensor> isInf(EvalContext ctx) {
        boolean neg = ctx.attrs().getInt("detect_negative", 1) != 0;
        boolean pos = ctx.attrs().getInt("detect_positive", 1) != 0;
        return List.of(ElementwiseSupport.testDouble(input(ctx),
                v -> (pos && v == Double.POSITIVE_INFINITY) || (neg && v == Double.NEGATIVE_INFINITY)));
    }
}
