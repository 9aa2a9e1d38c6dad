package dev.nnc.hls.prim;

import dev.nnc.ir.hw.prim.MvauConfig;
import dev.nnc.ir.hw.prim.RequantStage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code nnc_mvau} instance: parameters and weight/bias/multiplier/shift memories from its config. */
public record MvauInstance(MvauConfig cfg) implements PrimitiveInstance {

    @Override
    public String module() {
        return "nnc_mvau";
    }

    @Override
    public List<String> sources() {
        return List.of("nnc_mvau.sv", "nnc_requant.sv", "nnc_outq.sv");
    }

    @Override
    public Map<String, String> parameters(String instanceName) {
        RequantStage rq = cfg.requant();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MW", Integer.toString(cfg.mw()));
        p.put("MH", Integer.toString(cfg.mh()));
        p.put("SIMD", Integer.toString(cfg.simd()));
        p.put("PE", Integer.toString(cfg.pe()));
        p.put("IN_W", Integer.toString(cfg.inType().width()));
        p.put("IN_SIGNED", HexWords.bit(cfg.inType().signed()));
        p.put("W_W", Integer.toString(cfg.weightType().width()));
        p.put("W_SIGNED", HexWords.bit(cfg.weightType().signed()));
        p.put("ACC_W", Integer.toString(cfg.accWidth()));
        p.put("ACC_T_W", Integer.toString(cfg.accType().width()));
        p.put("ACC_T_SIGNED", HexWords.bit(cfg.accType().signed()));
        p.put("M_W", Integer.toString(rq.multiplierWidth()));
        HexWords.outputStage(p, rq, cfg.outType());
        p.put("ACT", Integer.toString(cfg.activation().ordinal()));
        p.put("CLIP_LO", Long.toString(cfg.clipLo()));
        p.put("CLIP_HI", Long.toString(cfg.clipHi()));
        for (String f : List.of("w", "b", "m", "s")) {
            p.put(f.toUpperCase() + "_FILE", "\"" + PrimitiveInstance.fileName(instanceName, f + ".mem") + "\"");
        }
        return p;
    }

    @Override
    public Map<String, List<String>> memoryFiles() {
        int mh = cfg.mh();
        int mw = cfg.mw();
        int pe = cfg.pe();
        int simd = cfg.simd();
        // word nf*SF+sf, lane pe*SIMD+s = W[nf*PE+pe][sf*SIMD+s]
        long[] w = new long[mh * mw];
        int i = 0;
        for (int nf = 0; nf < cfg.nf(); nf++) {
            for (int sf = 0; sf < cfg.sf(); sf++) {
                for (int p = 0; p < pe; p++) {
                    for (int s = 0; s < simd; s++) {
                        w[i++] = cfg.weights()[(nf * pe + p) * mw + sf * simd + s];
                    }
                }
            }
        }
        long[] shifts = new long[mh];
        for (int c = 0; c < mh; c++) {
            shifts[c] = cfg.requant().shifts()[c];
        }
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("w.mem", HexWords.pack(w, pe * simd, cfg.weightType().width()));
        files.put("b.mem", HexWords.pack(cfg.bias(), pe, cfg.accWidth()));
        files.put("m.mem", HexWords.pack(cfg.requant().multipliers(), pe, cfg.requant().multiplierWidth()));
        files.put("s.mem", HexWords.pack(shifts, pe, RequantStage.SHIFT_WIDTH));
        return files;
    }
}
