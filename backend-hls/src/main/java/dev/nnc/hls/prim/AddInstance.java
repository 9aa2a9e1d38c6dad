package dev.nnc.hls.prim;

import dev.nnc.ir.hw.prim.AddConfig;
import dev.nnc.ir.hw.prim.RequantStage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code nnc_add} instance: parameters from its config; no memories. */
public record AddInstance(AddConfig cfg) implements PrimitiveInstance {

    @Override
    public String module() {
        return "nnc_add";
    }

    @Override
    public List<String> sources() {
        return List.of("nnc_add.sv", "nnc_requant.sv", "nnc_outq.sv");
    }

    @Override
    public Map<String, String> parameters(String instanceName) {
        RequantStage rq = cfg.requant();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SIMD", Integer.toString(cfg.simd()));
        p.put("A_W", Integer.toString(cfg.aType().width()));
        p.put("A_SIGNED", HexWords.bit(cfg.aType().signed()));
        p.put("A_SH", Integer.toString(cfg.aShift()));
        p.put("B_W", Integer.toString(cfg.bType().width()));
        p.put("B_SIGNED", HexWords.bit(cfg.bType().signed()));
        p.put("B_SH", Integer.toString(cfg.bShift()));
        p.put("ACC_W", Integer.toString(cfg.accWidth()));
        p.put("SHIFT", Integer.toString(cfg.shift()));
        HexWords.outputStage(p, rq, cfg.outType());
        return p;
    }

    @Override
    public Map<String, List<String>> memoryFiles() {
        return Map.of();
    }
}
