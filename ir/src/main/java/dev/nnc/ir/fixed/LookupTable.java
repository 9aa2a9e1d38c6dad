package dev.nnc.ir.fixed;

import dev.nnc.ir.type.FixedType;
import java.math.BigInteger;

/**
 * A function tabulated for fixed-point hardware: 2^log2Size entries covering the input range
 * [lo, hi) in equal bins of width step = (hi − lo)/size, which must be a power of two not below
 * the input's step 2^(I−W), with lo a multiple of the input's step. Both rules make the index an
 * exact shift of the raw input.
 *
 * <ul>
 * <li>index(x) = clamp(floor((x − lo)/step), 0, size−1) = clamp((raw − lo_raw) &gt;&gt; (F + log2 step)),
 *     an arithmetic (floor) shift; inputs below lo use entry 0, at or above hi the last entry.</li>
 * <li>entry i = quantize(f(lo + (i + ½)·step)) to the output type with the table's {@link CastMode}:
 *     the function at the bin's midpoint, computed in double, rounded once to the output type.</li>
 * </ul>
 * The HLS templates, Verilog memories and the cycle simulator read {@link #contents()} and
 * {@link #index(long)}; they never recompute the function.
 */
public record LookupTable(LutFunction function, FixedType input, FixedType output, int log2Size,
                          double lo, double hi, CastMode mode) {
    public LookupTable {
        if (log2Size < 0 || log2Size > 20) {
            throw new IllegalArgumentException("lookup table size must be 2^0..2^20, got 2^" + log2Size);
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("lookup table range [" + lo + ", " + hi + ") is empty");
        }
        double step = Math.scalb(hi - lo, -log2Size);
        if (step != Math.scalb(1.0, Math.getExponent(step)) || Math.scalb(step, log2Size) != hi - lo) {
            throw new IllegalArgumentException("lookup table range [" + lo + ", " + hi + ") over " + (1 << log2Size)
                    + " entries: the bin width must be a power of two");
        }
        if (Math.getExponent(step) < -input.fractionBits()) {
            throw new IllegalArgumentException("lookup table bins of " + step + " are finer than the input step of "
                    + input.spelling());
        }
        double loRaw = Math.scalb(lo, input.fractionBits());
        if (loRaw != Math.rint(loRaw) || Math.abs(loRaw) >= 0x1p62) {
            throw new IllegalArgumentException("lookup table start " + lo + " is not a value of " + input.spelling());
        }
    }

    /** The function's default table (range and size from {@link LutFunction}) with the project cast mode. */
    public static LookupTable standard(LutFunction f, FixedType input, FixedType output) {
        return new LookupTable(f, input, output, LutFunction.DEFAULT_LOG2_SIZE, f.defaultLo(), f.defaultHi(), CastMode.DEFAULT);
    }

    public int size() {
        return 1 << log2Size;
    }

    /** log2 of the bin width. */
    public int stepExponent() {
        return Math.getExponent(hi - lo) - log2Size;
    }

    /** The table index of a stored raw input, exactly as defined above. */
    public int index(long raw) {
        long loRaw = (long) Math.scalb(lo, input.fractionBits());
        int shift = input.fractionBits() + stepExponent();
        if (input.width() <= 61 && shift <= 62) {
            // Fast path without allocation (cycle models call this per element): |raw| < 2^61 and
            // |loRaw| < 2^62, so raw − loRaw fits a long, and >> is the same floor shift.
            long idx = (raw - loRaw) >> shift;
            return idx < 0 ? 0 : idx > size() - 1 ? size() - 1 : (int) idx;
        }
        BigInteger d = FixedRules.rawValue(raw, input).subtract(BigInteger.valueOf(loRaw));
        BigInteger idx = d.shiftRight(shift);
        if (idx.signum() < 0) {
            return 0;
        }
        return idx.compareTo(BigInteger.valueOf(size() - 1)) > 0 ? size() - 1 : idx.intValue();
    }

    /** The stored raw output values, entry by entry. */
    public long[] contents() {
        long[] out = new long[size()];
        double step = Math.scalb(1.0, stepExponent());
        for (int i = 0; i < out.length; i++) {
            out[i] = FixedCast.quantize(function.apply(lo + (i + 0.5) * step), output, mode);
        }
        return out;
    }
}
