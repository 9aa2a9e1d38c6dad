package dev.nnc.cpu.runtime;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.type.FixedType;

/**
 * A {@link Requantizer} bound to its input and output types, with the project default mode
 * (RND_CONV + SAT) written out as integer code: {@code Requantizer.apply} and {@code Rounding}'s
 * long path step by step (product in a long, floor shift, remainder against half with ties to
 * even, clamp to the output range), which spares the per-element dispatch on the modes in the hot
 * epilogue. Any case that path does not cover (another mode, a product past 64 bits, a shift
 * outside 1..62, a 64-bit output) calls {@code Requantizer.apply} itself; QRequantizerTest holds
 * the two equal.
 */
public final class QRequantizer {
    private final Requantizer r;
    private final FixedType in;
    private final FixedType out;
    private final boolean fast;
    private final long multiplier;
    private final int shift;
    private final long mask;
    private final long half;
    private final long min;
    private final long max;

    public QRequantizer(Requantizer r, FixedType in, FixedType out) {
        this.r = r;
        this.in = in;
        this.out = out;
        this.multiplier = r.multiplier();
        this.shift = r.shift();
        this.fast = r.mode().equals(CastMode.DEFAULT) && shift >= 1 && shift <= 62 && out.width() < 64
                && (in.signed() || in.width() < 64);
        this.mask = fast ? (1L << shift) - 1 : 0;
        this.half = fast ? 1L << (shift - 1) : 0;
        int w = out.width();
        this.min = out.signed() ? -(1L << (w - 1)) : 0;
        this.max = w >= 64 ? Long.MAX_VALUE : out.signed() ? (1L << (w - 1)) - 1 : (1L << w) - 1;
    }

    /** {@code r.apply(x, in, out)}. */
    public long apply(long x) {
        if (fast) {
            long lo = x * multiplier;
            if (Math.multiplyHigh(x, multiplier) == (lo >> 63)) {
                long q = lo >> shift;
                long rem = lo & mask;
                if (rem > half || rem == half && (q & 1) != 0) {
                    q++;
                }
                return q < min ? min : q > max ? max : q;
            }
        }
        return r.apply(x, in, out);
    }
}
