package dev.nnc.frontend;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;

/**
 * Types for body inputs that a file leaves untyped, derived from the op that owns the body as
 * ONNX defines it: a Loop body takes (iteration number i64, condition bool, carried values as
 * passed in); a Scan body takes (state values as passed in, one slice of each scanned input); a
 * SequenceMap body takes one element of each sequence input and each tensor input as is.
 */
final class BodyInputTypes {
    private BodyInputTypes() {
    }

    /** The type of body input {@code index} of {@code op}, or null when the op does not define one. */
    static Type of(Operation op, int index) {
        switch (op.opName()) {
            case "Loop":
                if (index == 0) {
                    return TensorType.of(IntegerType.I64);
                }
                if (index == 1) {
                    return TensorType.of(BoolType.I1);
                }
                return operandType(op, index, false);
            case "Scan":
                long scanned = op.property("num_scan_inputs") instanceof Attribute.IntAttr n ? n.value() : 0;
                return operandType(op, index, index >= op.numOperands() - scanned);
            case "SequenceMap":
                if (index >= op.numOperands()) {
                    return null;
                }
                Type in = op.operand(index).type();
                return in instanceof dev.nnc.ir.type.SequenceType s ? s.element() : in;
            default:
                return null;
        }
    }

    /** Operand {@code index}'s type (a carried sequence keeps its type); a scanned input's slice keeps only its element type. */
    private static Type operandType(Operation op, int index, boolean slice) {
        if (index >= op.numOperands()) {
            return null;
        }
        Type type = op.operand(index).type();
        if (!slice) {
            return type;
        }
        return type instanceof TensorType t ? TensorType.unranked(t.elementType()) : null;
    }
}
