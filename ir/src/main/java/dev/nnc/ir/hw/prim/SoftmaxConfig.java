package dev.nnc.ir.hw.prim;

import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.type.FixedType;

/**
 * The numbers the softmax primitive ({@code hw.softmax}, RTL {@code nnc_softmax}) needs: vectors
 * of {@code n} raws of {@code input}, the exp table (reading x − max, of the exact difference
 * type), the type the exact sum is cast to, the reciprocal table and the output type. The steps
 * are those of docs/hardware.md §1; everything below is derived from the tables and types, so
 * the RTL parameters, the .mem files and the cycle model agree by construction.
 */
public record SoftmaxConfig(int n, int simd, FixedType input, LookupTable exp, FixedType recipIn,
                            LookupTable recip, FixedType output) {
    public SoftmaxConfig {
        if (n < 1) {
            throw new IllegalArgumentException("softmax over " + n + " elements");
        }
        if (simd != 1) {
            throw new IllegalArgumentException("softmax with simd " + simd + " is not supported (only 1)");
        }
        if (!exp.input().equals(FixedRules.difference(input, input))) {
            throw new IllegalArgumentException("the exp table reads " + exp.input().spelling() + ", not the difference type "
                    + FixedRules.difference(input, input).spelling());
        }
        if (!recip.input().equals(recipIn)) {
            throw new IllegalArgumentException("the reciprocal table reads " + recip.input().spelling() + ", not "
                    + recipIn.spelling());
        }
        FixedRules.accumulator(exp.output(), n);
        FixedRules.product(exp.output(), recip.output());
        for (int sh : new int[] {exp.output().fractionBits() - recipIn.fractionBits(),
                exp.output().fractionBits() + recip.output().fractionBits() - output.fractionBits()}) {
            if (sh < -62 || sh > 126) {
                throw new IllegalArgumentException("a softmax cast shifts by " + sh + " bits, outside -62..126");
            }
        }
    }

    /** The exact type of x_i − m, the exp table's input. */
    public FixedType differenceType() {
        return exp.input();
    }

    /** The exact type of Σ e_i. */
    public FixedType sumType() {
        return FixedRules.accumulator(exp.output(), n);
    }

    /** The exact type of e_i · r. */
    public FixedType productType() {
        return FixedRules.product(exp.output(), recip.output());
    }

    /** Right shift of the cast from the sum type to {@link #recipIn} (negative: left shift). */
    public int sumCastShift() {
        return sumType().fractionBits() - recipIn.fractionBits();
    }

    /** Right shift of the cast from the product type to the output (negative: left shift). */
    public int outCastShift() {
        return productType().fractionBits() - output.fractionBits();
    }

    /** A table's start in raws of its input type: lo·2^F. */
    public static long loRaw(LookupTable t) {
        return (long) Math.scalb(t.lo(), t.input().fractionBits());
    }

    /** A table's index shift: F + log2(bin width), so index = (raw − loRaw) &gt;&gt; shift. */
    public static int indexShift(LookupTable t) {
        return t.input().fractionBits() + t.stepExponent();
    }

    /** Signed bits that hold raw − loRaw for every raw of the table's input type. */
    public static int indexWidth(LookupTable t) {
        int w = t.input().width() + (t.input().signed() ? 0 : 1);
        long lo = loRaw(t);
        int loBits = 65 - Long.numberOfLeadingZeros(lo < 0 ? ~lo : lo);
        return Math.max(w, loBits) + 1;
    }

    /** Cycles per vector with back-to-back vectors (see nnc_softmax.sv). */
    public long cyclesPerFrame() {
        return 2L * n + 2;
    }

    /** Cycles from a vector's first input beat to its last output beat, alone in the pipeline. */
    public long latency() {
        return 3L * n + 4;
    }
}
