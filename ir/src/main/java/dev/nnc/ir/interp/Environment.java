package dev.nnc.ir.interp;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.RuntimeValue;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Values computed so far in one block, chained to the enclosing block's environment so region
 * bodies can read outer values. Values (tensors, sequences, optionals) are dropped after their last use in the block (a use
 * inside a nested region counts as a use by the op that owns the region), so large models fit in
 * memory.
 */
final class Environment {
    private final Environment parent;
    private final Map<Value, RuntimeValue> values = new IdentityHashMap<>();
    private final Map<Value, Integer> remainingUses = new HashMap<>();

    Environment(Environment parent, Block block) {
        this.parent = parent;
        for (Operation op : block.operations()) {
            for (Value v : usedValues(op)) {
                remainingUses.merge(v, 1, Integer::sum);
            }
        }
    }

    /** A root environment holding given values and never releasing them (one op run on its own). */
    Environment(Map<Value, ? extends RuntimeValue> bound) {
        this.parent = null;
        values.putAll(bound);
    }

    void bind(Value v, RuntimeValue t) {
        values.put(v, t);
    }

    RuntimeValue lookup(Value v, Operation user) {
        for (Environment e = this; e != null; e = e.parent) {
            if (e.values.containsKey(v)) {
                return e.values.get(v);
            }
        }
        throw new NncException(user.location(), user.name() + " reads a value not yet computed: %" + v.nameHint());
    }

    /** Forgets values whose last use in this block was {@code op}. */
    void release(Operation op) {
        for (Value v : usedValues(op)) {
            if (remainingUses.merge(v, -1, Integer::sum) == 0) {
                values.remove(v);
            }
        }
    }

    /** Operands of {@code op} and of every op nested in it, each counted once. */
    private static java.util.Set<Value> usedValues(Operation op) {
        java.util.Set<Value> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        op.walk(o -> used.addAll(o.operands()));
        return used;
    }
}
