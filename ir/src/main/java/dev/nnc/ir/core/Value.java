package dev.nnc.ir.core;

import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An SSA value: the result of an operation or an argument of a block. Defined once, used by any
 * number of operands. The name hint (e.g. the ONNX tensor name) is what the printer tries first.
 */
public final class Value {
    private Type type;
    private String nameHint;
    private final Operation definingOp;
    private final Block ownerBlock;
    private final int index;
    private final List<Use> uses = new ArrayList<>();

    /** One operand slot that reads this value. */
    public record Use(Operation user, int operandIndex) {
    }

    Value(Type type, String nameHint, Operation definingOp, Block ownerBlock, int index) {
        this.type = type;
        this.nameHint = nameHint;
        this.definingOp = definingOp;
        this.ownerBlock = ownerBlock;
        this.index = index;
    }

    public Type type() {
        return type;
    }

    public void setType(Type type) {
        this.type = type;
    }

    public String nameHint() {
        return nameHint;
    }

    public void setNameHint(String nameHint) {
        this.nameHint = nameHint;
    }

    /** The operation that defines this value, or null for a block argument. */
    public Operation definingOp() {
        return definingOp;
    }

    /** The block whose argument this is, or null for an op result. */
    public Block ownerBlock() {
        return ownerBlock;
    }

    /** Result number or argument number. */
    public int index() {
        return index;
    }

    public List<Use> uses() {
        return Collections.unmodifiableList(uses);
    }

    public boolean hasUses() {
        return !uses.isEmpty();
    }

    void addUse(Operation user, int operandIndex) {
        uses.add(new Use(user, operandIndex));
    }

    void removeUse(Operation user, int operandIndex) {
        uses.remove(new Use(user, operandIndex));
    }

    /** Redirects every use of this value to {@code other}. */
    public void replaceAllUsesWith(Value other) {
        for (Use u : List.copyOf(uses)) {
            u.user().setOperand(u.operandIndex(), other);
        }
    }

    @Override
    public String toString() {
        return "%" + (nameHint != null ? nameHint : "?") + " : " + type;
    }
}
