package dev.nnc.hls.prim;

import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.hw.prim.SoftmaxConfig;
import dev.nnc.ir.type.FixedType;
import java.util.ArrayList;
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
        return List.of("nnc_softmax.sv", "nnc_lut_index.sv", "nnc_requant.sv");
    }

    @Override
    public Map<String, String> parameters(String instanceName) {
        SoftmaxConfig c = config;
        LookupTable exp = c.exp();
        LookupTable rec = c.recip();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("N", Integer.toString(c.n()));
        p.put("IN_W", Integer.toString(c.input().width()));
        p.put("IN_SIGNED", bit(c.input().signed()));
        p.put("EXP_AW", Integer.toString(exp.log2Size()));
        p.put("EXP_W", Integer.toString(exp.output().width()));
        p.put("EXP_XW", Integer.toString(SoftmaxConfig.indexWidth(exp)));
        p.put("EXP_LO", longint(SoftmaxConfig.loRaw(exp)));
        p.put("EXP_SH", Integer.toString(SoftmaxConfig.indexShift(exp)));
        p.put("EXP_FILE", quoted(instanceName + "_" + EXP_MEM));
        p.put("SUM_W", Integer.toString(c.sumType().width()));
        p.put("RIN_W", Integer.toString(c.recipIn().width()));
        p.put("RIN_SIGNED", bit(c.recipIn().signed()));
        p.put("RIN_SHIFT", Integer.toString(c.sumCastShift()));
        p.put("RIN_LSH", Integer.toString(Math.max(0, -c.sumCastShift())));
        p.put("REC_AW", Integer.toString(rec.log2Size()));
        p.put("REC_W", Integer.toString(rec.output().width()));
        p.put("REC_XW", Integer.toString(SoftmaxConfig.indexWidth(rec)));
        p.put("REC_LO", longint(SoftmaxConfig.loRaw(rec)));
        p.put("REC_SH", Integer.toString(SoftmaxConfig.indexShift(rec)));
        p.put("REC_FILE", quoted(instanceName + "_" + REC_MEM));
        p.put("OUT_W", Integer.toString(c.output().width()));
        p.put("OUT_SIGNED", bit(c.output().signed()));
        p.put("OUT_SHIFT", Integer.toString(c.outCastShift()));
        p.put("OUT_LSH", Integer.toString(Math.max(0, -c.outCastShift())));
        return p;
    }

    @Override
    public Map<String, List<String>> memoryFiles() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(EXP_MEM, hexWords(config.exp().contents(), config.exp().output()));
        m.put(REC_MEM, hexWords(config.recip().contents(), config.recip().output()));
        return m;
    }

    /** Raws as W-bit two's complement hex words, ⌈W/4⌉ digits each. */
    static List<String> hexWords(long[] raws, FixedType t) {
        int digits = (t.width() + 3) / 4;
        long mask = t.width() == 64 ? -1L : (1L << t.width()) - 1;
        List<String> out = new ArrayList<>(raws.length);
        for (long r : raws) {
            String h = Long.toHexString(r & mask);
            out.add("0".repeat(Math.max(0, digits - h.length())) + h);
        }
        return out;
    }

    private static String bit(boolean b) {
        return b ? "1'b1" : "1'b0";
    }

    /** A signed 64-bit literal that also works as a Verilator -G override (no unary minus). */
    private static String longint(long v) {
        return String.format("64'sh%016X", v);
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
