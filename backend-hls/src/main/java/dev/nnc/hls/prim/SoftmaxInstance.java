package dev.nnc.hls.prim;

import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.hw.prim.SoftmaxConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code hw.softmax} as an instance of {@code nnc_softmax.sv}: widths, table index constants
 * and cast shifts from {@link SoftmaxConfig}, and the two tables ({@code LookupTable.contents()})
 * as memory files {@code exp.mem} and {@code rec.mem}.
 */
public record SoftmaxInstance(SoftmaxConfig config) implements PrimitiveInstance {
    static final String EXP_MEM = "exp.mem";
    static final String REC_MEM = "rec.mem";

    @Override
    public String module() {
        return "nnc_softmax";
    }

    @Override
    public List<String> sources() {
        return List.of("nnc_softmax.sv", "nnc_lut_index.sv", "nnc_requant.sv", "nnc_outq.sv");
    }

    @Override
    public Map<String, String> parameters(String instanceName) {
        SoftmaxConfig c = config;
        LookupTable exp = c.exp();
        LookupTable rec = c.recip();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("N", Integer.toString(c.n()));
        p.put("IN_W", Integer.toString(c.input().width()));
        p.put("IN_SIGNED", HexWords.bit(c.input().signed()));
        p.put("EXP_AW", Integer.toString(exp.log2Size()));
        p.put("EXP_W", Integer.toString(exp.output().width()));
        p.put("EXP_XW", Integer.toString(SoftmaxConfig.indexWidth(exp)));
        p.put("EXP_LO", longint(SoftmaxConfig.loRaw(exp)));
        p.put("EXP_SH", Integer.toString(SoftmaxConfig.indexShift(exp)));
        p.put("EXP_FILE", quoted(PrimitiveInstance.fileName(instanceName, EXP_MEM)));
        p.put("SUM_W", Integer.toString(c.sumType().width()));
        p.put("RIN_W", Integer.toString(c.recipIn().width()));
        p.put("RIN_SIGNED", HexWords.bit(c.recipIn().signed()));
        p.put("RIN_SHIFT", Integer.toString(c.sumCastShift()));
        p.put("RIN_LSH", Integer.toString(Math.max(0, -c.sumCastShift())));
        p.put("REC_AW", Integer.toString(rec.log2Size()));
        p.put("REC_W", Integer.toString(rec.output().width()));
        p.put("REC_XW", Integer.toString(SoftmaxConfig.indexWidth(rec)));
        p.put("REC_LO", longint(SoftmaxConfig.loRaw(rec)));
        p.put("REC_SH", Integer.toString(SoftmaxConfig.indexShift(rec)));
        p.put("REC_FILE", quoted(PrimitiveInstance.fileName(instanceName, REC_MEM)));
        p.put("OUT_W", Integer.toString(c.output().width()));
        p.put("OUT_SIGNED", HexWords.bit(c.output().signed()));
        p.put("OUT_SHIFT", Integer.toString(c.outCastShift()));
        p.put("OUT_LSH", Integer.toString(Math.max(0, -c.outCastShift())));
        return p;
    }

    @Override
    public Map<String, List<String>> memoryFiles() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(EXP_MEM, HexWords.pack(config.exp().contents(), 1, config.exp().output().width()));
        m.put(REC_MEM, HexWords.pack(config.recip().contents(), 1, config.recip().output().width()));
        return m;
    }

    /** A signed 64-bit literal that also works as a Verilator -G override (which rejects a unary minus). */
    private static String longint(long v) {
        return String.format("64'sh%016X", v);
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
