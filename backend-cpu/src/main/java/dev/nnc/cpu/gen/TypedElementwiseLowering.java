package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.ElementwiseStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import java.util.List;
import java.util.Map;

/**
 * Element-wise ops over any {@link Dtype}: comparisons, logic, {@code Where}, {@code Cast}, and
 * integer (or f64) arithmetic, f64 math functions and {@code Expand}. Each is one loop nest (no fusion) whose body is a Java expression
 * tree of {@link JavaModel.Infix}, {@link JavaModel.Prefix}, {@link JavaModel.Fn},
 * {@link JavaModel.Select} and {@link JavaModel.Convert}; Java's own int and long arithmetic
 * wraps like ONNX's i32 and i64.
 */
final class TypedElementwiseLowering implements OpLowering {
    /** Binary ops written as a Java infix operator. */
    static final Map<String, String> INFIX = Map.of("Equal", "==", "Less", "<", "LessOrEqual", "<=", "Greater", ">",
            "GreaterOrEqual", ">=", "And", "&", "Or", "|", "Xor", "^", "Add", "+", "Sub", "-");
    /** Ops lowered here for every result type. */
    static final List<String> OPS = List.of("Equal", "Less", "LessOrEqual", "Greater", "GreaterOrEqual", "And", "Or",
            "Xor", "Not", "Where", "Cast", "CastLike");
    /** Arithmetic lowered here when the result is not f32 (f32 goes to {@link ElementwiseLowering}). */
    static final List<String> ARITHMETIC = List.of("Add", "Sub", "Mul", "Div", "Max", "Min", "Neg", "Abs", "Relu",
            "Expand", "Exp", "Log", "Sqrt", "Tanh", "Sin", "Cos", "Tan", "Sinh", "Cosh", "Asin", "Acos", "Atan",
            "Floor", "Ceil");
    /** Unary math on f64 only: the {@code java.lang.Math} function of the same name. */
    private static final List<String> F64_MATH = List.of("Exp", "Log", "Sqrt", "Tanh", "Sin", "Cos", "Tan", "Sinh",
            "Cosh", "Asin", "Acos", "Atan", "Floor", "Ceil");

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        String name = op.opName();
        Dtype outType = ctx.dtype(op.result(0), op);
        if ((name.equals("Cast") || name.equals("CastLike")) && ctx.dtype(op.operand(0), op) == outType) {
            ctx.alias(op.result(0), op.operand(0), op);
            return;
        }
        if (ARITHMETIC.contains(name) && !name.equals("Expand") && outType == Dtype.BOOL) {
            throw ctx.unsupported(op, "bool arithmetic is not supported");
        }
        if (F64_MATH.contains(name) && outType != Dtype.F64) {
            throw ctx.unsupported(op, op.opName() + " on " + outType.elementType() + " is not supported");
        }
        List<Value> data = name.equals("CastLike") || name.equals("Expand") ? List.of(op.operand(0)) : op.operands();
        if ((name.equals("Max") || name.equals("Min")) && data.size() != 2) {
            throw ctx.unsupported(op, data.size() + " operands (only 2 are supported)");
        }
        BroadcastLoops.Operands in = BroadcastLoops.read(op, data, ctx);
        String out = ctx.writeTyped(op.result(0), op);
        BroadcastLoops plan = in.plan();
        List<Object> leaves = in.leaves();
        Object expr = expression(op, name, leaves, ctx.dtype(data.get(0), op), outType);
        ctx.addStep(new ElementwiseStep(ctx.method(op), ctx.describe(op), List.of(), expr, out, plan.outIndex(),
                plan.loops()));
    }

    private static Object expression(Operation op, String name, List<Object> x, Dtype in, Dtype out) {
        switch (name) {
            case "Expand":
                return x.get(0);
            case "Relu":
                return new JavaModel.Fn("Math.max", List.of(x.get(0), new JavaModel.Lit("0")));
            case "Div":
                // integer division truncates, and by zero gives 0 as in the reference
                return out == Dtype.F64 ? new JavaModel.Infix("/", x.get(0), x.get(1)) : new JavaModel.Fn("Scalars.div", x);
            case "Not":
                return new JavaModel.Prefix("!", x.get(0));
            case "Neg":
                return new JavaModel.Prefix("-", x.get(0));
            case "Abs":
                return new JavaModel.Fn("Math.abs", List.of(x.get(0)));
            case "Max":
                return new JavaModel.Fn("Math.max", x);
            case "Min":
                return new JavaModel.Fn("Math.min", x);
            case "Mul":
                return new JavaModel.Infix("*", x.get(0), x.get(1));
            case "Where":
                return new JavaModel.Select(x.get(0), x.get(1), x.get(2));
            case "Cast":
            case "CastLike":
                return cast(x.get(0), in, out);
            default:
                if (F64_MATH.contains(name)) {
                    return new JavaModel.Fn("Math." + name.toLowerCase(java.util.Locale.ROOT), List.of(x.get(0)));
                }
                return new JavaModel.Infix(INFIX.get(name), x.get(0), x.get(1));
        }
    }

    private static Object cast(Object a, Dtype in, Dtype out) {
        if (out == Dtype.BOOL) {
            return new JavaModel.Infix("!=", a, new JavaModel.Lit("0"));
        }
        if (in == Dtype.BOOL) {
            return new JavaModel.Select(a, new JavaModel.Lit("1"), new JavaModel.Lit("0"));
        }
        return new JavaModel.Convert(out.javaType(), a);
    }

}
