package dev.nnc.ir.spec;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.type.Type;
import java.util.List;

/** What type inference sees: operand types, attributes and the opset in force. */
public record InferContext(Operation op, List<Type> operandTypes, OpAttributes attrs, int opset) {
    public Type operandType(int i) {
        return i < operandTypes.size() ? operandTypes.get(i) : null;
    }
}
