package dev.nnc.sim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which cycle model runs each hw op: op name → factory reading the op (through its
 * {@code dev.nnc.ir.hw.prim} config record) into a {@link Component}. {@link #standard} lists the
 * models of the primitives nnc emits; tests add toy ones.
 */
public final class ComponentRegistry {
    /** Builds the cycle model of one hw op. */
    @FunctionalInterface
    public interface Factory {
        Component create(Operation op);
    }

    private final Map<String, Factory> factories = new TreeMap<>();

    public ComponentRegistry register(String opName, Factory factory) {
        factories.put(opName, factory);
        return this;
    }

    public boolean has(String opName) {
        return factories.containsKey(opName);
    }

    /** The cycle model of {@code op}; an op without one is an error naming it. */
    public Component create(Operation op) {
        Factory f = factories.get(op.name());
        if (f == null) {
            throw new NncException(op.location(), "no cycle model for " + op.name()
                    + " (the simulator has: " + String.join(", ", factories.keySet()) + ")");
        }
        return f.create(op);
    }

    /** The cycle models of every primitive nnc emits. */
    public static ComponentRegistry standard() {
        return StandardModels.register(new ComponentRegistry());
    }
}
