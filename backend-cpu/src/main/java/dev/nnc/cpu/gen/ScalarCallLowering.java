package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.ElementwiseStep;
import dev.nnc.cpu.gen.JavaModel.Fn;
import dev.nnc.cpu.gen.JavaModel.Leaf;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * Element-wise ops over any numeric {@link Dtype} written as a call per element: {@code Mod}
 * ({@code Modulo.floor} or {@code Modulo.fmod}, overloaded per Java type), {@code Pow} with a
 * non-f32 base or exponent, {@code IsInf} and {@code Gelu} on f64 ({@code ElementFunctions}), and {@code Clip} whose
 * bounds are values of the model rather than constants (read as {@code min[0]} inside the loop),
 * or whose input is not f32. One loop nest with numpy broadcasting, as {@link BroadcastLoops} plans.
 */
final class ScalarCallLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        Dtype type = ctx.dtype(op.result(0), op);
        if (type == Dtype.BOOL && !op.opName().equals("IsInf")) {
            throw ctx.unsupported(op, "bool operands are not supported");
        }
        List<Value> data = new ArrayList<>();
        data.add(op.operand(0));
        if (op.opName().equals("Mod") || op.opName().equals("Pow")) {
            data.add(op.operand(1));
        }
        BroadcastLoops.Operands in = BroadcastLoops.read(op, data, ctx);
        String out = ctx.writeTyped(op.result(0), op);
        BroadcastLoops plan = in.plan();
        List<Object> x = in.leaves();
        Object expr;
        if (op.opName().equals("Mod")) {
            boolean fmod = ctx.attrs(op).getInt("fmod", 0) != 0;
            expr = new Fn(fmod ? "Modulo.fmod" : "Modulo.floor", x);
        } else if (op.opName().equals("Gelu")) {
            expr = new Fn(ctx.attrs(op).getString("approximate", "none").equals("tanh") ? "ElementFunctions.geluTanh"
                    : "ElementFunctions.gelu", x);
        } else if (op.opName().equals("Pow")) {
            expr = new Fn("ElementFunctions.pow", x);
        } else if (op.opName().equals("IsInf")) {
            var a = ctx.attrs(op);
            expr = new Fn("ElementFunctions.isInf", List.of(x.get(0), new JavaModel.Lit(Boolean.toString(a.getInt("detect_negative", 1) != 0)),
                    new JavaModel.Lit(Boolean.toString(a.getInt("detect_positive", 1) != 0))));
        } else {
            expr = clip(op, ctx, x.get(0), type);
        }
        ctx.addStep(new ElementwiseStep(ctx.method(op), ctx.describe(op), List.of(), expr, out, plan.outIndex(),
                plan.loops()));
    }

    /** {@code min(max(x, lo), hi)} (NaN stays NaN); an absent bound is left out. */
    private static Object clip(Operation op, LoweringContext ctx, Object x, Dtype type) {
        if (op.numOperands() == 1 && ctx.opset() < 11) {
            throw ctx.unsupported(op, "Clip with attribute bounds runs on f32 only");
        }
        Object e = x;
        for (int i = 1; i < Math.min(3, op.numOperands()); i++) {
            Value v = op.operand(i);
            if (v.type() == NoneType.NONE) {
                continue;
            }
            if (ctx.dtype(v, op) != type || ctx.shape(v).length > 1 || Math.max(1, product(ctx.shape(v))) != 1) {
                throw ctx.unsupported(op, "Clip bounds must be scalars of the input's type");
            }
            Leaf bound = new Leaf(ctx.readTyped(v, op), "0");
            e = new Fn(i == 1 ? "Math.max" : "Math.min", List.of(e, bound));
        }
        return e;
    }

    private static int product(int[] shape) {
        int p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }

    /**
     * True when Gelu is left to this lowering: an f64 input. (f32 stays with the fused element-wise
     * loops, which do not have the tanh approximation yet.)
     */
    static boolean geluHere(Operation op, LoweringContext ctx) {
        return !(op.operand(0).type() instanceof TensorType t) || t.elementType() != dev.nnc.ir.type.FloatType.F32;
    }

    /** True when Pow is left to this lowering: an operand that is not f32. */
    static boolean powHere(Operation op) {
        for (Value v : op.operands()) {
            if (!(v.type() instanceof TensorType t) || t.elementType() != dev.nnc.ir.type.FloatType.F32) {
                return true;
            }
        }
        return false;
    }

    /** True when Clip is left to this lowering: bounds that are not constants, or a non-f32 input. */
    static boolean clipHere(Operation op, LoweringContext ctx) {
        if (!(op.operand(0).type() instanceof TensorType t) || t.elementType() != dev.nnc.ir.type.FloatType.F32) {
            return true;
        }
        return ctx.hasRunTimeOperand(op, 1);
    }
}
