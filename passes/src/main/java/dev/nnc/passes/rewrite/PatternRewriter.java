package dev.nnc.passes.rewrite;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.type.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The only way a pattern changes IR: creating ops before the op being rewritten, replacing or
 * erasing ops, and redirecting uses. Every change queues the affected ops for another visit by
 * the {@link GreedyRewriteDriver}.
 */
public final class PatternRewriter {
    private final Deque<Operation> worklist = new ArrayDeque<>();
    private Operation insertionPoint;

    void setInsertionPoint(Operation op) {
        this.insertionPoint = op;
    }

    Deque<Operation> worklist() {
        return worklist;
    }

    /** Creates an op just before the op being rewritten and returns it. */
    public Operation create(String name, List<Value> operands, List<Type> resultTypes,
                            Map<String, Attribute> properties, Location location) {
        Operation op = Operation.create(name, operands, resultTypes, properties, location);
        insertionPoint.parent().insertBefore(insertionPoint, op);
        worklist.add(op);
        return op;
    }

    /** Replaces every use of {@code op}'s results by {@code replacements} and erases {@code op}. */
    public void replaceOp(Operation op, List<Value> replacements) {
        if (replacements.size() != op.numResults()) {
            throw new IllegalArgumentException(op.name() + " has " + op.numResults() + " results, got "
                    + replacements.size() + " replacements");
        }
        for (int i = 0; i < replacements.size(); i++) {
            replaceAllUsesWith(op.result(i), replacements.get(i));
        }
        eraseOp(op);
    }

    /** Redirects every use of {@code from} to {@code to}, keeping {@code from}'s external name if it had one. */
    public void replaceAllUsesWith(Value from, Value to) {
        for (Value.Use u : from.uses()) {
            worklist.add(u.user());
        }
        from.replaceAllUsesWith(to);
    }

    /** Erases an op whose results have no uses; its operands' producers are revisited. */
    public void eraseOp(Operation op) {
        for (Value v : op.operands()) {
            if (v.definingOp() != null) {
                worklist.add(v.definingOp());
            }
        }
        worklist.remove(op);
        op.parent().erase(op);
    }

    /** Tells the driver that {@code op} was changed in place (operands or properties). */
    public void modifiedInPlace(Operation op) {
        worklist.add(op);
        for (Value r : op.results()) {
            for (Value.Use u : r.uses()) {
                worklist.add(u.user());
            }
        }
    }
}
