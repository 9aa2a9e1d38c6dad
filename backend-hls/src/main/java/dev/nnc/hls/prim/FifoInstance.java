package dev.nnc.hls.prim;

import dev.nnc.ir.hw.prim.FifoConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code hw.fifo} as an instance of {@code nnc_fifo} (WIDTH = lanes × element width, DEPTH). */
public record FifoInstance(FifoConfig config) implements PrimitiveInstance {
    @Override
    public String module() {
        return "nnc_fifo";
    }

    @Override
    public List<String> sources() {
        return List.of("nnc_fifo.sv");
    }

    @Override
    public Map<String, String> parameters(String instanceName) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("WIDTH", Integer.toString(config.width()));
        p.put("DEPTH", Integer.toString(config.depth()));
        return p;
    }

    @Override
    public Map<String, List<String>> memoryFiles() {
        return Map.of();
    }
}
