package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.ir.core.Operation;

/**
 * A scalar value as a Java literal of a {@link Dtype}'s element type, for fill values written into
 * the generated source (ConstantOfShape's value, Pad's constant). A float value is given as a
 * double, an integer or bool one as a long; bool is true when either is non-zero.
 */
final class TypedLiteral {
    private TypedLiteral() {
    }

    static Object of(Operation op, LoweringContext ctx, Dtype type, double d, long l) {
        switch (type) {
            case F32:
                return (float) d;
            case F64:
                if (!Double.isFinite(d)) {
                    throw ctx.unsupported(op, "an infinite or NaN f64 fill value is not supported");
                }
                return Double.toString(d);
            case I64:
                return l + "L";
            case I32:
                return Integer.toString((int) l);
            default:
                return l != 0 || d != 0 ? "true" : "false";
        }
    }
}
