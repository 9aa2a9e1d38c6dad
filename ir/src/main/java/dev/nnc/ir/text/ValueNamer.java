package dev.nnc.ir.text;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Region;
import dev.nnc.ir.core.Value;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Assigns every value its SSA name in the text: the legalised name hint made unique within its
 * function ({@code x}, {@code x_1}, ...), or the next number for values without a hint. Names
 * are assigned in definition order so the result is deterministic; ops isolated from above
 * ({@code func.func}, {@code builtin.module}) start a fresh scope.
 */
public final class ValueNamer {
    private final Map<Value, String> names = new IdentityHashMap<>();
    private int undefined;

    /** Names every value defined under {@code root} (its results and everything in its regions). */
    public ValueNamer(Operation root) {
        Scope top = new Scope();
        nameResults(root, top);
        nameRegions(root, top);
    }

    /**
     * The name without {@code %}. A value not defined under the root (a dangling operand) gets
     * {@code 0undefN}: a digit followed by letters is never given to a defined value, so the
     * parser reports it as undefined instead of wiring it to some other value.
     */
    public String name(Value v) {
        return names.computeIfAbsent(v, k -> "0undef" + undefined++);
    }

    /** True when {@code v} was defined under the root this namer was built for. */
    public boolean isKnown(Value v) {
        return names.containsKey(v);
    }

    /** True for ops whose regions cannot see values from outside, so they start a new scope. */
    static boolean isIsolated(Operation op) {
        return op.name().equals(BuiltinDialect.FUNC) || op.name().equals(BuiltinDialect.MODULE);
    }

    private void nameRegions(Operation op, Scope outer) {
        Scope scope = isIsolated(op) ? new Scope() : outer;
        for (Region r : op.regions()) {
            for (Block b : r.blocks()) {
                for (Value arg : b.arguments()) {
                    names.put(arg, scope.assign(arg.nameHint()));
                }
                for (Operation inner : b.operations()) {
                    // text order: the results are written before the op's regions
                    nameResults(inner, scope);
                    nameRegions(inner, scope);
                }
            }
        }
    }

    private void nameResults(Operation op, Scope scope) {
        for (Value v : op.results()) {
            names.put(v, scope.assign(v.nameHint()));
        }
    }

    /** Names taken in one isolated scope, and the counter for hint-less values. */
    private static final class Scope {
        private final Set<String> taken = new HashSet<>();
        private int next;

        String assign(String hint) {
            String legal = Names.sanitize(hint, false);
            if (legal == null) {
                return String.valueOf(next++);
            }
            return Names.unique(legal, taken);
        }
    }
}
