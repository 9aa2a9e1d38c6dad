package dev.nnc.ir.fixed;

import dev.nnc.ir.type.FixedType;

/**
 * The mean of n fixed-point values, as every path computes it: the exact sum (an accumulator of
 * n terms, {@link FixedRules#accumulator}) times the requantizer M·2^(−s) ≈ 2^(F_out − F_in)/n,
 * M and s from {@link Requantizer#fromScale} of 1/n (31-bit M), shifted by F_in − F_out, one
 * rounding in the default mode. Fixed-point AveragePool/GlobalAveragePool and
 * {@code kernel.pool} AVG share it.
 */
public final class FixedAverage {
    private FixedAverage() {
    }

    /** The exact type of the sum of {@code n} values of type {@code in}. */
    public static FixedType sumType(FixedType in, int n) {
        return FixedRules.accumulator(in, n);
    }

    /** The requantizer from the exact sum's raw to the mean's raw in {@code out}. */
    public static Requantizer of(int n, FixedType in, FixedType out) {
        Requantizer r = Requantizer.fromScale(1.0 / n);
        return new Requantizer(r.multiplier(), r.shift() + in.fractionBits() - out.fractionBits(), CastMode.DEFAULT);
    }
}
