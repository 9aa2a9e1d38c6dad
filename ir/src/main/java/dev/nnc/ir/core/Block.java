package dev.nnc.ir.core;

import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list of operations with typed arguments, owned by a region. */
public final class Block {
    private final List<Value> arguments = new ArrayList<>();
    private final List<Operation> operations = new ArrayList<>();
    private Region parent;

    public Value addArgument(Type type, String nameHint) {
        Value v = new Value(type, nameHint, null, this, arguments.size());
        arguments.add(v);
        return v;
    }

    public List<Value> arguments() {
        return Collections.unmodifiableList(arguments);
    }

    public List<Operation> operations() {
        return Collections.unmodifiableList(operations);
    }

    public Region parent() {
        return parent;
    }

    void setParent(Region r) {
        this.parent = r;
    }

    /** Appends an operation that has no parent yet. */
    public Operation append(Operation op) {
        attach(op);
        operations.add(op);
        return op;
    }

    /** Inserts {@code op} just before {@code anchor}, which must be in this block. */
    public Operation insertBefore(Operation anchor, Operation op) {
        int i = indexOf(anchor);
        attach(op);
        operations.add(i, op);
        return op;
    }

    /** Detaches {@code op} from this block; its operands (and those of ops nested in it) are dropped so their uses disappear too. */
    public void erase(Operation op) {
        int i = indexOf(op);
        for (Value r : op.results()) {
            if (r.hasUses()) {
                throw new IllegalStateException("erasing " + op.name() + " whose result still has uses");
            }
        }
        op.walk(Operation::dropOperands); // ops inside its regions may use outer values too
        operations.remove(i);
        op.setParent(null);
    }

    /** The terminator (last operation), or null if empty. */
    public Operation terminator() {
        return operations.isEmpty() ? null : operations.get(operations.size() - 1);
    }

    private int indexOf(Operation op) {
        int i = operations.indexOf(op);
        if (i < 0) {
            throw new IllegalArgumentException(op.name() + " is not in this block");
        }
        return i;
    }

    private void attach(Operation op) {
        if (op.parent() != null) {
            throw new IllegalStateException(op.name() + " already has a parent block");
        }
        op.setParent(this);
    }
}
