package dev.nnc.ir.hw.prim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;
import java.util.Arrays;

/**
 * Every number the element-wise add's RTL ({@code nnc_add.sv}) and cycle model need: per lane
 * the exact sum of a and b aligned to F = max(F_a, F_b), then one cast (M = 1,
 * s = F − F_out) to the output type by the op's rounding and overflow.
 *
 * @param simd lanes of all three streams
 * @param aType element type of input 0
 * @param bType element type of input 1
 * @param outType output element type
 * @param mode RND_CONV+SAT or TRN+WRAP
 */
public record AddConfig(int simd, FixedType aType, FixedType bType, FixedType outType, CastMode mode) {

    /**
     * Reads a {@code hw.add}: rounding, overflow and simd; the three element types from the
     * stream types (all with simd lanes); in_shape must equal out_shape. One error line naming the
     * op for anything the RTL cannot do.
     */
    public static AddConfig from(Operation op) {
        CastMode mode;
        try {
            mode = KernelTypes.mode(new OpAttributes(op, null));
        } catch (IllegalArgumentException e) {
            throw PrimOps.error(op, e.getMessage());
        }
        int simd = PrimOps.simd(op);
        if (!Arrays.equals(PrimOps.shape(op, "in_shape"), PrimOps.shape(op, "out_shape"))) {
            throw PrimOps.error(op, "in_shape and out_shape must be equal");
        }
        StreamType a = PrimOps.operandStream(op, 0);
        StreamType b = PrimOps.operandStream(op, 1);
        StreamType o = PrimOps.resultStream(op, 0);
        PrimOps.requireLanes(op, a, simd, "operand #0");
        PrimOps.requireLanes(op, b, simd, "operand #1");
        PrimOps.requireLanes(op, o, simd, "result #0");
        AddConfig cfg = new AddConfig(simd, PrimOps.fixedElement(op, a, "operand #0"),
                PrimOps.fixedElement(op, b, "operand #1"), PrimOps.fixedElement(op, o, "result #0"), mode);
        String problem = cfg.unsupported();
        if (problem != null) {
            throw PrimOps.error(op, problem);
        }
        return cfg;
    }

    /** Fraction bits of the exact sum. */
    public int sumFractionBits() {
        return Math.max(aType.fractionBits(), bType.fractionBits());
    }

    /** Left shift aligning a to the sum. */
    public int aShift() {
        return sumFractionBits() - aType.fractionBits();
    }

    /** Left shift aligning b to the sum. */
    public int bShift() {
        return sumFractionBits() - bType.fractionBits();
    }

    /** Right shift (negative: left) of the cast from the sum to the output. */
    public int shift() {
        return sumFractionBits() - outType.fractionBits();
    }

    /** Signed width of the aligned sum in the RTL. */
    public int accWidth() {
        return Math.max(aType.width() + aShift(), bType.width() + bShift()) + 2;
    }

    /** The sum as the requantizer's input type: signed raws of {@link #accWidth()} bits. */
    public FixedType accRawType() {
        return new FixedType(accWidth(), accWidth(), true);
    }

    /** The output stage: M = 1, s = {@link #shift()}. */
    public RequantStage requant() {
        return RequantStage.uniform(1, 1, shift(), mode);
    }

    /** What the RTL cannot do with these numbers, or null. Callers prefix the op's name. */
    public String unsupported() {
        if (simd < 1) {
            return "simd must be positive";
        }
        if (accWidth() > 62 || outType.width() > 62) {
            return "aligned sum of " + accWidth() + " bits is wider than the RTL's 62";
        }
        return requant().unsupported();
    }
}
