package dev.nnc.hls;

import dev.nnc.hls.prim.PrimitiveInstance;
import dev.nnc.hls.prim.PrimitiveRegistry;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only primitives (RTL in src/test/resources/dev/nnc/hls/rtl): {@code hw.addmem} adds a
 * memory word to each lane, {@code hw.tfork} copies a stream to two, {@code hw.join} adds two
 * streams lane by lane, {@code hw.stall} swallows its input and never outputs. Their ops carry
 * {@code lanes} and {@code w}, and addmem its words in {@code mem}.
 */
public final class FakePrimitives {
    private FakePrimitives() {
    }

    public static PrimitiveRegistry registry() {
        return PrimitiveRegistry.empty()
                .with("hw.addmem", op -> new Fake("test_addmem", params(op, "LANES", "W"), words(op)))
                .with("hw.tfork", op -> new Fake("test_fork", width(op), List.of()))
                .with("hw.join", op -> new Fake("test_join", params(op, "LANES", "W"), List.of()))
                .with("hw.stall", op -> new Fake("test_stall", width(op), List.of()));
    }

    /**
     * An instance of {@code module} (source {@code <module>.sv}) with these parameters; with
     * memory words, plus {@code DEPTH} and {@code MEM_FILE} naming {@code <instance>_mem.mem}.
     */
    record Fake(String module, Map<String, String> params, List<String> mem) implements PrimitiveInstance {
        @Override
        public List<String> sources() {
            return List.of(module + ".sv");
        }

        @Override
        public Map<String, String> parameters(String instanceName) {
            Map<String, String> p = new LinkedHashMap<>(params);
            if (!mem.isEmpty()) {
                p.put("DEPTH", Integer.toString(mem.size()));
                p.put("MEM_FILE", "\"" + PrimitiveInstance.fileName(instanceName, "mem.mem") + "\"");
            }
            return p;
        }

        @Override
        public Map<String, List<String>> memoryFiles() {
            return mem.isEmpty() ? Map.of() : Map.of("mem.mem", mem);
        }
    }

    private static int num(Operation op, String key) {
        return (int) ((Attribute.IntAttr) op.property(key)).value();
    }

    private static Map<String, String> params(Operation op, String lanes, String w) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(lanes, Integer.toString(num(op, "lanes")));
        p.put(w, Integer.toString(num(op, "w")));
        return p;
    }

    private static Map<String, String> width(Operation op) {
        return Map.of("WIDTH", Integer.toString(num(op, "lanes") * num(op, "w")));
    }

    private static List<String> words(Operation op) {
        return ((Attribute.ArrayAttr) op.property("mem")).values().stream()
                .map(a -> Long.toHexString(((Attribute.IntAttr) a).value())).toList();
    }
}
