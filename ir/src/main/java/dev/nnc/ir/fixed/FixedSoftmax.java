package dev.nnc.ir.fixed;

import dev.nnc.ir.type.FixedType;

/**
 * Softmax over one row of fixed-point raws, the steps every execution path follows in this
 * order (docs/hardware.md §1): m = max x; d_i = x_i − m (exact, ≤ 0); e_i = exp table(d_i);
 * s = Σ e_i (exact); t = cast of s to {@code recipIn} (default mode); r = reciprocal table(t);
 * y_i = cast(e_i · r) to {@code output} (default mode). Only the tables round, besides the two
 * casts; the max, the differences, the sum and the products are exact.
 *
 * @param input  the element type of x
 * @param exp    the exp table; its input type must be {@link #differenceType}
 * @param recipIn the type the sum is cast to before the reciprocal table (the table's input type)
 * @param recip  the reciprocal table
 * @param output the result element type
 */
public record FixedSoftmax(FixedType input, LookupTable exp, FixedType recipIn, LookupTable recip, FixedType output) {
    public FixedSoftmax {
        if (exp.function() != LutFunction.EXP || recip.function() != LutFunction.RECIPROCAL) {
            throw new IllegalArgumentException("softmax needs an EXP and a RECIPROCAL table");
        }
        if (!exp.input().equals(differenceType(input))) {
            throw new IllegalArgumentException("the exp table reads " + differenceType(input).spelling() + ", not "
                    + exp.input().spelling());
        }
        if (!recip.input().equals(recipIn)) {
            throw new IllegalArgumentException("the reciprocal table reads " + recipIn.spelling() + ", not "
                    + recip.input().spelling());
        }
    }

    /** The exact type of x_i − m. */
    public static FixedType differenceType(FixedType input) {
        return FixedRules.difference(input, input);
    }

    /** The exact type of Σ e_i over n entries. */
    public FixedType sumType(int n) {
        return FixedRules.accumulator(exp.output(), n);
    }

    /** The exact type of e_i · r. */
    public FixedType productType() {
        return FixedRules.product(exp.output(), recip.output());
    }

    /** Softmax of every row of {@code rowLength} consecutive raws of x; returns raws of {@link #output}. */
    public long[] apply(long[] x, int rowLength) {
        long[] expTable = exp.contents();
        long[] recipTable = recip.contents();
        FixedType sum = sumType(rowLength);
        FixedType product = productType();
        long[] y = new long[x.length];
        long[] e = new long[rowLength];
        for (int off = 0; off + rowLength <= x.length; off += rowLength) {
            long m = x[off];
            for (int i = 1; i < rowLength; i++) {
                m = Math.max(m, x[off + i]);
            }
            long s = 0;
            for (int i = 0; i < rowLength; i++) {
                e[i] = expTable[exp.index(x[off + i] - m)];
                s += e[i];
            }
            long t = FixedCast.cast(s, sum, recipIn, CastMode.DEFAULT);
            long r = recipTable[recip.index(t)];
            for (int i = 0; i < rowLength; i++) {
                y[off + i] = FixedCast.cast(e[i] * r, product, output, CastMode.DEFAULT);
            }
        }
        return y;
    }
}
