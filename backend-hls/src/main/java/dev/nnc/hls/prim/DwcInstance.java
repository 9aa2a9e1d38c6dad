package dev.nnc.hls.prim;

import dev.nnc.ir.hw.prim.DwcConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code hw.dwc} as an instance of {@code nnc_dwc} (IN_LANES, OUT_LANES, ELEM_W). */
public record DwcInstance(DwcConfig config) implements PrimitiveInstance {
    @Override
    public String module() {
        return "nnc_dwc";
    }

    @Override
    public List<String> sources() {
        return List.of("nnc_dwc.sv", "nnc_fifo.sv");
    }

    @Override
    public Map<String, String> parameters(String instanceName) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("IN_LANES", Integer.toString(config.inLanes()));
        p.put("OUT_LANES", Integer.toString(config.outLanes()));
        p.put("ELEM_W", Integer.toString(config.elemWidth()));
        return p;
    }

    @Override
    public Map<String, List<String>> memoryFiles() {
        return Map.of();
    }
}
