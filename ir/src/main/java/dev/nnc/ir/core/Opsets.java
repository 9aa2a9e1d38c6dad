package dev.nnc.ir.core;

import dev.nnc.ir.onnx.OnnxDomains;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ONNX opset version a model imports per domain: the default domain's (module property
 * {@code opset}) and the others' (property {@code opset_imports}, strings {@code domain=version}
 * such as {@code ai.onnx.ml=3}). Each op is evaluated under the version of its own domain.
 */
public record Opsets(int defaultVersion, Map<String, Integer> others) {
    public Opsets {
        others = Map.copyOf(new TreeMap<>(others));
    }

    /** Only the default domain. */
    public static Opsets of(int defaultVersion) {
        return new Opsets(defaultVersion, Map.of());
    }

    /**
     * The version of the domain of op {@code opName}; a domain the model does not import counts as
     * version 1 (its first), the default domain as {@link #defaultVersion}.
     */
    public int forOp(String opName) {
        String d = OnnxDomains.domainOf(opName);
        return d.isEmpty() ? defaultVersion : others.getOrDefault(d, 1);
    }

    /** The {@code opset_imports} entries, sorted: {@code ai.onnx.ml=3}. */
    public List<String> encodeOthers() {
        List<String> out = new ArrayList<>();
        new TreeMap<>(others).forEach((d, v) -> out.add(d + "=" + v));
        return out;
    }

    /** Parses {@code opset_imports} entries; malformed ones are an IllegalArgumentException. */
    public static Map<String, Integer> decodeOthers(List<String> entries) {
        Map<String, Integer> m = new TreeMap<>();
        for (String e : entries) {
            int eq = e.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("opset import '" + e + "' is not domain=version");
            }
            m.put(e.substring(0, eq), Integer.parseInt(e.substring(eq + 1)));
        }
        return m;
    }
}
