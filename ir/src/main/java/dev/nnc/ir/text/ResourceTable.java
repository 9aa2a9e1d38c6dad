package dev.nnc.ir.text;

import dev.nnc.ir.attr.Attribute.DenseAttr;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The printer's resource section: large constants get a key on first use ({@code dense_resource<w>})
 * and their bytes are written once at the end of the file. The same attribute object used twice
 * shares one entry; keys are made unique with {@code _1}, {@code _2}, ...
 */
final class ResourceTable {
    private final Map<DenseAttr, String> keys = new IdentityHashMap<>();
    private final Map<String, DenseAttr> entries = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>();

    /** The key of {@code attr}, assigning {@code preferred} (legalised, made unique) on first use. */
    String keyFor(DenseAttr attr, String preferred) {
        String key = keys.get(attr);
        if (key == null) {
            String base = Names.sanitize(attr.resourceName() != null ? attr.resourceName() : preferred, true);
            key = Names.unique(base == null ? "cst" : base, taken);
            keys.put(attr, key);
            entries.put(key, attr);
        }
        return key;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Appends the {@code {-# dialect_resources: ... #-}} block. */
    void print(StringBuilder out) {
        out.append("\n{-#\n  dialect_resources: {\n    builtin: {\n");
        int i = 0;
        for (Map.Entry<String, DenseAttr> e : entries.entrySet()) {
            out.append("      ").append(e.getKey()).append(": \"").append(DenseCodec.toHex(e.getValue().value())).append('"');
            out.append(++i < entries.size() ? ",\n" : "\n");
        }
        out.append("    }\n  }\n#-}\n");
    }
}
