package dev.nnc.ir.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A named family of op specs, e.g. {@code onnx}, {@code q}, {@code hw}. */
public final class Dialect {
    private final String name;
    private final Map<String, OpSpec> ops = new TreeMap<>();

    public Dialect(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void register(OpSpec spec) {
        if (!spec.name().startsWith(name + ".")) {
            throw new IllegalArgumentException(spec.name() + " does not belong to dialect " + name);
        }
        if (ops.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalArgumentException("op " + spec.name() + " registered twice");
        }
    }

    public Optional<OpSpec> lookup(String fullName) {
        return Optional.ofNullable(ops.get(fullName));
    }

    public Map<String, OpSpec> ops() {
        return Collections.unmodifiableMap(ops);
    }
}
