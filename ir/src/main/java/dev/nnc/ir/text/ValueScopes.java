package dev.nnc.ir.text;

import dev.nnc.ir.core.Value;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * SSA names while parsing. A region sees the names of its enclosing regions unless its op is
 * isolated from above (a function); a name may be defined only once per isolated scope, as the
 * printer never reuses one there.
 */
final class ValueScopes {
    /** Names defined in one region; {@code everDefined} is shared by the frames of one isolated scope. */
    private record Frame(Map<String, Value> values, boolean isolated, Set<String> everDefined) {
    }

    private final Deque<Frame> frames = new ArrayDeque<>();

    ValueScopes() {
        push(true);
    }

    void push(boolean isolated) {
        Set<String> defined = isolated || frames.isEmpty() ? new HashSet<>() : frames.peek().everDefined();
        frames.push(new Frame(new HashMap<>(), isolated, defined));
    }

    void pop() {
        frames.pop();
    }

    /** The visible value named {@code name}, or null. */
    Value lookup(String name) {
        for (Frame f : frames) {
            Value v = f.values().get(name);
            if (v != null) {
                return v;
            }
            if (f.isolated()) {
                return null;
            }
        }
        return null;
    }

    /** Defines a name; false when it was already defined in this isolated scope. */
    boolean define(String name, Value v) {
        Frame f = frames.peek();
        if (!f.everDefined().add(name)) {
            return false;
        }
        f.values().put(name, v);
        return true;
    }
}
