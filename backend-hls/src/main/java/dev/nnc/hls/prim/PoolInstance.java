package dev.nnc.hls.prim;

import dev.nnc.ir.hw.prim.PoolConfig;
import dev.nnc.ir.hw.prim.PoolKind;
import dev.nnc.ir.hw.prim.RequantStage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code nnc_pool} instance: parameters from its config; no memories. */
public record PoolInstance(PoolConfig cfg) implements PrimitiveInstance {

    @Override
    public String module() {
        return "nnc_pool";
    }

    @Override
    public List<String> sources() {
        return List.of("nnc_pool.sv", "nnc_requant.sv", "nnc_outq.sv");
    }

    @Override
    public Map<String, String> parameters(String instanceName) {
        RequantStage rq = cfg.requant();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("C", Integer.toString(cfg.channels()));
        p.put("SIMD", Integer.toString(cfg.simd()));
        p.put("KK", Integer.toString(cfg.window()));
        p.put("AVG", HexWords.bit(cfg.kind() == PoolKind.AVG));
        p.put("IN_W", Integer.toString(cfg.inType().width()));
        p.put("IN_SIGNED", HexWords.bit(cfg.inType().signed()));
        p.put("ACC_W", Integer.toString(cfg.accWidth()));
        p.put("MULT", Long.toString(cfg.multiplier()));
        p.put("SHIFT", Integer.toString(cfg.shift()));
        p.put("M_W", Integer.toString(rq.multiplierWidth()));
        HexWords.outputStage(p, rq, cfg.outType());
        return p;
    }

    @Override
    public Map<String, List<String>> memoryFiles() {
        return Map.of();
    }
}
