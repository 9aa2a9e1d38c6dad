package dev.nnc.hls.prim;

import dev.nnc.ir.hw.prim.ForkConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code hw.fork} as an instance of {@code nnc_fork} (WIDTH = lanes × element width). */
public record ForkInstance(ForkConfig config) implements PrimitiveInstance {
    @Override
    public String module() {
        return "nnc_fork";
    }

    @Override
    public List<String> sources() {
        return List.of("nnc_fork.sv", "nnc_fifo.sv");
    }

    @Override
    public Map<String, String> parameters(String instanceName) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("WIDTH", Integer.toString(config.width()));
        return p;
    }

    @Override
    public Map<String, List<String>> memoryFiles() {
        return Map.of();
    }
}
