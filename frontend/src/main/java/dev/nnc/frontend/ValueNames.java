package dev.nnc.frontend;

import dev.nnc.ir.core.Value;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * ONNX names for IR values when exporting: the value's name hint where it is still free, made
 * unique otherwise. Names are unique across the whole model (subgraphs included), as ONNX wants.
 */
final class ValueNames {
    private final Map<Value, String> names = new IdentityHashMap<>();
    private final Set<String> used = new HashSet<>();
    private final Set<String> reserved = new HashSet<>();
    private int anonymous;

    /** Keeps {@code name} for the one value that {@link #assign} gives it explicitly. */
    void reserve(String name) {
        reserved.add(name);
    }

    /** Gives {@code v} exactly {@code name} (a graph input or output name). */
    void assign(Value v, String name) {
        names.put(v, name);
        used.add(name);
    }

    boolean has(Value v) {
        return names.containsKey(v);
    }

    /** The name of {@code v}, giving it one (from its hint) on first sight. */
    String of(Value v) {
        String n = names.get(v);
        if (n == null) {
            n = fresh(v.nameHint() == null || v.nameHint().isEmpty() ? "v" + anonymous++ : v.nameHint());
            assign(v, n);
        }
        return n;
    }

    /** {@code base}, or {@code base_1}, {@code base_2}, ... whichever is free. */
    String fresh(String base) {
        String n = base;
        for (int k = 1; used.contains(n) || reserved.contains(n); k++) {
            n = base + "_" + k;
        }
        used.add(n);
        return n;
    }
}
