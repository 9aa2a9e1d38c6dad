package dev.nnc.ir.q;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.List;

/** Shared reads of the q ops: element types of operands/results and the cast-mode properties. */
final class QTypes {
    static final String ROUNDING = "rounding";
    static final String OVERFLOW = "overflow";

    private QTypes() {
    }

    static ElementType element(Type t) {
        return t instanceof TensorType tt ? tt.elementType() : null;
    }

    /** The fixed element type of result i, or an error naming the op. */
    static FixedType fixedResult(EvalContext ctx, int i) {
        if (element(ctx.outputType(i)) instanceof FixedType ft) {
            return ft;
        }
        throw ctx.error("result must be a fixed-point tensor, got " + ctx.outputType(i));
    }

    /** The rounding and overflow properties, each defaulting to {@link CastMode#DEFAULT}'s. */
    static CastMode mode(OpAttributes a) {
        return CastMode.parse(a.getString(ROUNDING, CastMode.DEFAULT.rounding().name()),
                a.getString(OVERFLOW, CastMode.DEFAULT.overflow().name()));
    }

    /**
     * Type inference of every q op: the operand's shape with the declared result element type
     * (the target format is the op's choice, so only the shape can be inferred).
     */
    static List<Type> keepShape(InferContext ctx) {
        Type in = ctx.operandType(0);
        ElementType declared = element(ctx.op().result(0).type());
        if (!(in instanceof TensorType t) || declared == null) {
            return Collections.singletonList(null);
        }
        return List.of(new TensorType(declared, t.dims()));
    }

    static boolean isFixed(Type t) {
        return element(t) instanceof FixedType;
    }

    static boolean isFloat(Type t) {
        ElementType e = element(t);
        return e != null && e.isFloat();
    }
}
