package dev.nnc.frontend;

import dev.nnc.ir.core.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * ONNX value names visible in one graph, chained to the enclosing graph's scope: a subgraph (the
 * body of If, Loop or Scan) may read any value of the graphs around it by name.
 */
final class Scope {
    private final Scope parent;
    private final Map<String, Value> values = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    /** The value with this name here or in an enclosing scope, or null. */
    Value lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Value v = s.values.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    void define(String name, Value v) {
        values.put(name, v);
    }

    Scope child() {
        return new Scope(this);
    }
}
