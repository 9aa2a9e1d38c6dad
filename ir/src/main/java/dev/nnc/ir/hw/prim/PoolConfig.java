package dev.nnc.ir.hw.prim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;
import java.util.Locale;

/**
 * Every number the pool's RTL ({@code nnc_pool.sv}) and cycle model need. Per output vector of C
 * channels: KK·C/SIMD input beats in (k, c-fold) order; MAX takes the largest raw, AVG the exact
 * sum; then one requantisation to the output type: for AVG the op's multiplier and shift, for MAX
 * the cast M = 1, s = F_in − F_out (identity when the types are equal), both in the default mode.
 *
 * @param kind MAX or AVG
 * @param channels C
 * @param window KK, elements per window
 * @param simd lanes, divides C
 * @param inType input element type
 * @param outType output element type
 * @param multiplier AVG: M applied to the exact sum; MAX: 1
 * @param shift AVG: s; MAX: F_in − F_out
 */
public record PoolConfig(PoolKind kind, int channels, int window, int simd, FixedType inType, FixedType outType,
        long multiplier, int shift) {

    /** A MAX pool: the cast from the input to the output type after the max. */
    public static PoolConfig max(int channels, int window, int simd, FixedType in, FixedType out) {
        return new PoolConfig(PoolKind.MAX, channels, window, simd, in, out, 1, in.fractionBits() - out.fractionBits());
    }

    /**
     * Reads a {@code hw.pool}: kind, channels, (AVG) multiplier and shift, simd; the window size
     * KK from in_shape's last dim KK·C; element types from the stream types. A MAX pool must keep
     * its element type (kernel.pool passes the raw max through). One error line naming the op
     * for anything the RTL cannot do.
     */
    public static PoolConfig from(Operation op) {
        OpAttributes a = new OpAttributes(op, null);
        PoolKind kind;
        try {
            kind = PoolKind.valueOf(a.getString("kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PrimOps.error(op, "unknown pool kind '" + a.getString("kind") + "' (MAX or AVG)");
        }
        int c = a.getInt32("channels", 1);
        int simd = PrimOps.simd(op);
        int[] in = PrimOps.shape(op, "in_shape");
        int[] out = PrimOps.shape(op, "out_shape");
        if (c < 1 || in.length == 0 || out.length == 0 || in[in.length - 1] % c != 0 || out[out.length - 1] != c) {
            throw PrimOps.error(op, "in_shape must end in KK*C and out_shape in C = " + c);
        }
        StreamType is = PrimOps.operandStream(op, 0);
        StreamType os = PrimOps.resultStream(op, 0);
        PrimOps.requireLanes(op, is, simd, "operand #0");
        PrimOps.requireLanes(op, os, simd, "result #0");
        FixedType inType = PrimOps.fixedElement(op, is, "operand #0");
        FixedType outType = PrimOps.fixedElement(op, os, "result #0");
        int window = in[in.length - 1] / c;
        PoolConfig cfg;
        if (kind == PoolKind.MAX) {
            if (!inType.equals(outType)) {
                throw PrimOps.error(op, "MAX pool result " + outType + " must equal its operand's " + inType);
            }
            cfg = max(c, window, simd, inType, outType);
        } else {
            if (!a.has("multiplier") || !a.has("shift")) {
                throw PrimOps.error(op, "AVG pooling needs multiplier and shift");
            }
            cfg = new PoolConfig(kind, c, window, simd, inType, outType, a.getInt("multiplier"), a.getInt32("shift"));
        }
        String problem = cfg.unsupported();
        if (problem != null) {
            throw PrimOps.error(op, problem);
        }
        return cfg;
    }

    /** Input beats per vector fold, C/SIMD. */
    public int cf() {
        return channels / simd;
    }

    /** Signed width of the running max/sum in the RTL. */
    public int accWidth() {
        int w = inType.width() + 1;
        return kind == PoolKind.AVG ? w + MvauConfig.ceilLog2(window) : w;
    }

    /** The running value as the requantizer's input type: signed raws of {@link #accWidth()} bits. */
    public FixedType accRawType() {
        return new FixedType(accWidth(), accWidth(), true);
    }

    /** The output stage (one channel suffices: M and s are per tensor). */
    public RequantStage requant() {
        return RequantStage.uniform(1, multiplier, shift, CastMode.DEFAULT);
    }

    /** What the RTL cannot do with these numbers, or null. Callers prefix the op's name. */
    public String unsupported() {
        if (channels < 1 || window < 1 || simd < 1 || channels % simd != 0) {
            return "simd " + simd + " must divide channels " + channels + " (window " + window + ")";
        }
        if (accWidth() > 62 || outType.width() > 62) {
            return "widths beyond the RTL's 62 bits";
        }
        return requant().unsupported();
    }
}
