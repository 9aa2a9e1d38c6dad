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
 * streams lane by lane. Their ops carry {@code lanes} and {@code w}, and addmem its words in
 * {@code mem}.
 */
public final class FakePrimitives {
    private FakePrimitives() {
    }

    public static PrimitiveRegistry registry() {
        return PrimitiveRegistry.empty()
                .with("hw.addmem", op -> new AddMem(num(op, "lanes"), num(op, "w"), words(op)))
                .with("hw.tfork", op -> new Fork(num(op, "lanes") * num(op, "w")))
                .with("hw.join", op -> new Join(num(op, "lanes"), num(op, "w")))
                .with("hw.stall", op -> new Stall(num(op, "lanes") * num(op, "w")));
    }

    static int num(Operation op, String key) {
        return (int) ((Attribute.IntAttr) op.property(key)).value();
    }

    static List<String> words(Operation op) {
        return ((Attribute.ArrayAttr) op.property("mem")).values().stream()
                .map(a -> Long.toHexString(((Attribute.IntAttr) a).value())).toList();
    }

    record AddMem(int lanes, int w, List<String> mem) implements PrimitiveInstance {
        @Override
        public String module() {
            return "test_addmem";
        }

        @Override
        public List<String> sources() {
            return List.of("test_addmem.sv");
        }

        @Override
        public Map<String, String> parameters(String instanceName) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("LANES", Integer.toString(lanes));
            p.put("W", Integer.toString(w));
            p.put("DEPTH", Integer.toString(mem.size()));
            p.put("MEM_FILE", "\"" + instanceName + "_mem.mem\"");
            return p;
        }

        @Override
        public Map<String, List<String>> memoryFiles() {
            return Map.of("mem.mem", mem);
        }
    }

    record Fork(int width) implements PrimitiveInstance {
        @Override
        public String module() {
            return "test_fork";
        }

        @Override
        public List<String> sources() {
            return List.of("test_fork.sv");
        }

        @Override
        public Map<String, String> parameters(String instanceName) {
            return Map.of("WIDTH", Integer.toString(width));
        }

        @Override
        public Map<String, List<String>> memoryFiles() {
            return Map.of();
        }
    }

    /** Swallows its input and never outputs (a deadlocked design, for the testbench's guard). */
    record Stall(int width) implements PrimitiveInstance {
        @Override
        public String module() {
            return "test_stall";
        }

        @Override
        public List<String> sources() {
            return List.of("test_stall.sv");
        }

        @Override
        public Map<String, String> parameters(String instanceName) {
            return Map.of("WIDTH", Integer.toString(width));
        }

        @Override
        public Map<String, List<String>> memoryFiles() {
            return Map.of();
        }
    }

    record Join(int lanes, int w) implements PrimitiveInstance {
        @Override
        public String module() {
            return "test_join";
        }

        @Override
        public List<String> sources() {
            return List.of("test_join.sv");
        }

        @Override
        public Map<String, String> parameters(String instanceName) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("LANES", Integer.toString(lanes));
            p.put("W", Integer.toString(w));
            return p;
        }

        @Override
        public Map<String, List<String>> memoryFiles() {
            return Map.of();
        }
    }
}
