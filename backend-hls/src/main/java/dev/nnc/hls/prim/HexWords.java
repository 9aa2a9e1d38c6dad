package dev.nnc.hls.prim;

import dev.nnc.ir.hw.prim.RequantStage;
import dev.nnc.ir.type.FixedType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Memory words for {@code $readmemh}: raws packed as lanes (lane i at bits [i·W +: W], two's
 * complement truncated to W bits, as on the stream ports), one zero-padded hex word per line;
 * and the Verilog literals the primitive instances share.
 */
public final class HexWords {
    private HexWords() {
    }

    /** {@code values} in words of {@code lanes} lanes of {@code width} bits, word 0 first. */
    public static List<String> pack(long[] values, int lanes, int width) {
        if (values.length % lanes != 0) {
            throw new IllegalArgumentException(values.length + " values do not fill words of " + lanes + " lanes");
        }
        List<String> words = new ArrayList<>(values.length / lanes);
        long[] lane = new long[lanes];
        for (int w = 0; w < values.length / lanes; w++) {
            System.arraycopy(values, w * lanes, lane, 0, lanes);
            words.add(word(lane, width));
        }
        return words;
    }

    /** One word of lanes of {@code width} bits, lane 0 in the low bits. */
    public static String word(long[] lanes, int width) {
        BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        BigInteger w = BigInteger.ZERO;
        for (int i = lanes.length - 1; i >= 0; i--) {
            w = w.shiftLeft(width).or(BigInteger.valueOf(lanes[i]).and(mask));
        }
        String hex = w.toString(16);
        int digits = (lanes.length * width + 3) / 4;
        return "0".repeat(Math.max(0, digits - hex.length())) + hex;
    }

    /**
     * The parameters of the {@code nnc_requant} output stage every arithmetic primitive declares
     * last, in this order: SH_W, LSH, OUT_W, OUT_SIGNED, RND_CONV, SAT.
     */
    public static void outputStage(Map<String, String> p, RequantStage rq, FixedType out) {
        p.put("SH_W", Integer.toString(RequantStage.SHIFT_WIDTH));
        p.put("LSH", Integer.toString(rq.leftShift()));
        p.put("OUT_W", Integer.toString(out.width()));
        p.put("OUT_SIGNED", bit(out.signed()));
        p.put("RND_CONV", bit(rq.roundConvergent()));
        p.put("SAT", bit(rq.saturate()));
    }

    /** A one-bit Verilog literal. */
    public static String bit(boolean b) {
        return b ? "1'b1" : "1'b0";
    }
}
