package dev.nnc.ir.q;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.function.Predicate;

/** Operand/result element-kind checks of the q ops, and that the shape is kept. */
final class QVerifiers {
    private QVerifiers() {
    }

    static OpVerifier floatToFixed() {
        return of(QTypes::isFloat, "a float tensor", QTypes::isFixed, "a fixed-point tensor");
    }

    static OpVerifier fixedToFloat() {
        return of(QTypes::isFixed, "a fixed-point tensor", QTypes::isFloat, "a float tensor");
    }

    static OpVerifier fixedToFixed() {
        return of(QTypes::isFixed, "a fixed-point tensor", QTypes::isFixed, "a fixed-point tensor");
    }

    private static OpVerifier of(Predicate<Type> in, String inWhat, Predicate<Type> out, String outWhat) {
        return (Operation op, java.util.function.Consumer<String> error) -> {
            try {
                QTypes.mode(new OpAttributes(op, null));
            } catch (IllegalArgumentException | dev.nnc.ir.diag.NncException e) {
                error.accept(op.name() + ": " + e.getMessage());
            }
            if (op.numOperands() != 1 || op.numResults() != 1) {
                return;
            }
            Type a = op.operand(0).type();
            Type r = op.result(0).type();
            if (!in.test(a)) {
                error.accept(op.name() + ": operand must be " + inWhat + ", got " + a);
            }
            if (!out.test(r)) {
                error.accept(op.name() + ": result must be " + outWhat + ", got " + r);
            }
            if (a instanceof TensorType ta && r instanceof TensorType tr && ta.hasRank() && tr.hasRank()
                    && !ta.dims().equals(tr.dims())) {
                error.accept(op.name() + ": result shape " + tr.dims() + " differs from operand shape " + ta.dims());
            }
        };
    }
}
