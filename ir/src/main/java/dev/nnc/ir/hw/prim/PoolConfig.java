package dev.nnc.ir.hw.prim;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.type.FixedType;

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
