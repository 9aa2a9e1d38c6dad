package dev.nnc.ir.hw.prim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedSoftmax;
import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.fixed.LutFunction;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.q.QSoftmax;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;

/**
 * The numbers the softmax primitive ({@code hw.softmax}, RTL {@code nnc_softmax}) needs: vectors
 * of {@code n} raws and the {@link FixedSoftmax} (tables, sum cast type, output type) whose steps
 * (docs/hardware.md §1) the RTL and the cycle model follow. Everything else is derived here, so
 * the RTL parameters, the .mem files and the cycle model agree by construction.
 */
public record SoftmaxConfig(int n, int simd, FixedSoftmax softmax) {
    public SoftmaxConfig {
        if (n < 1) {
            throw new IllegalArgumentException("softmax over " + n + " elements");
        }
        if (simd != 1) {
            throw new IllegalArgumentException("softmax with simd " + simd + " is not supported (only 1)");
        }
        softmax.sumType(n);
        softmax.productType();
        for (int sh : new int[] {softmax.exp().output().fractionBits() - softmax.recipIn().fractionBits(),
                softmax.exp().output().fractionBits() + softmax.recip().output().fractionBits()
                        - softmax.output().fractionBits()}) {
            if (sh < -62 || sh > 126) {
                throw new IllegalArgumentException("a softmax cast shifts by " + sh + " bits, outside -62..126");
            }
        }
    }

    /**
     * The config of a {@code hw.softmax} op: N = the last dim of in_shape; input and output
     * element types from the streams (simd lanes each); the tables from exp_* and recip_*.
     */
    public static SoftmaxConfig from(Operation op) {
        int[] in = PrimOps.shape(op, HwDialect.IN_SHAPE);
        int simd = PrimOps.simd(op);
        StreamType is = PrimOps.operandStream(op, 0);
        StreamType os = PrimOps.resultStream(op, 0);
        PrimOps.requireLanes(op, is, simd, "operand #0");
        PrimOps.requireLanes(op, os, simd, "result #0");
        FixedType x = PrimOps.fixedElement(op, is, "operand #0");
        FixedType y = PrimOps.fixedElement(op, os, "result #0");
        OpAttributes a = new OpAttributes(op, null);
        try {
            LookupTable exp = new LookupTable(LutFunction.EXP, FixedSoftmax.differenceType(x),
                    PrimOps.fixedType(op, QSoftmax.EXP_TYPE), a.getInt32(QSoftmax.EXP_LOG2_SIZE),
                    a.getFloat(QSoftmax.EXP_LO), a.getFloat(QSoftmax.EXP_HI), CastMode.DEFAULT);
            FixedType recipIn = PrimOps.fixedType(op, QSoftmax.RECIP_IN_TYPE);
            LookupTable recip = new LookupTable(LutFunction.RECIPROCAL, recipIn,
                    PrimOps.fixedType(op, QSoftmax.RECIP_TYPE), a.getInt32(QSoftmax.RECIP_LOG2_SIZE),
                    a.getFloat(QSoftmax.RECIP_LO), a.getFloat(QSoftmax.RECIP_HI), CastMode.DEFAULT);
            return new SoftmaxConfig(in[in.length - 1], simd, new FixedSoftmax(x, exp, recipIn, recip, y));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw PrimOps.error(op, e.getMessage());
        }
    }

    public FixedType input() {
        return softmax.input();
    }

    public LookupTable exp() {
        return softmax.exp();
    }

    public FixedType recipIn() {
        return softmax.recipIn();
    }

    public LookupTable recip() {
        return softmax.recip();
    }

    public FixedType output() {
        return softmax.output();
    }

    /** The exact type of Σ e_i over n entries. */
    public FixedType sumType() {
        return softmax.sumType(n);
    }

    /** The exact type of e_i · r. */
    public FixedType productType() {
        return softmax.productType();
    }

    /** Right shift of the cast from the sum type to recipIn (negative: left shift). */
    public int sumCastShift() {
        return sumType().fractionBits() - recipIn().fractionBits();
    }

    /** Right shift of the cast from the product type to the output (negative: left shift). */
    public int outCastShift() {
        return productType().fractionBits() - output().fractionBits();
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
