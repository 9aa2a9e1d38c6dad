package dev.nnc.ir.hw.prim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;

/**
 * The numbers of one {@code hw.dwc}: {@code inLanes} → {@code outLanes} lanes of the same element
 * type ({@code elemWidth} bits, {@code signed}); one lane count divides the other.
 */
public record DwcConfig(int inLanes, int outLanes, int elemWidth, boolean signed) {
    public DwcConfig {
        if (inLanes < 1 || outLanes < 1 || elemWidth < 1 || elemWidth > 64) {
            throw new IllegalArgumentException("dwc " + inLanes + " -> " + outLanes + " lanes of " + elemWidth + " bits");
        }
        if (inLanes % outLanes != 0 && outLanes % inLanes != 0) {
            throw new IllegalArgumentException("dwc " + inLanes + " -> " + outLanes + " lanes: neither divides the other");
        }
    }

    /**
     * Reads {@code hw.dwc}: the lanes of the operand and result streams, which must carry the
     * same element type, one lane count dividing the other.
     */
    public static DwcConfig from(Operation op) {
        StreamType in = PrimOps.operandStream(op, 0);
        StreamType out = PrimOps.resultStream(op, 0);
        FixedType t = PrimOps.fixedElement(op, in, "the input stream");
        if (!out.element().equals(t)) {
            throw PrimOps.error(op, "converts lanes, not types: " + in + " -> " + out);
        }
        if (in.lanes() % out.lanes() != 0 && out.lanes() % in.lanes() != 0) {
            throw PrimOps.error(op, "lane counts " + in.lanes() + " and " + out.lanes() + ": neither divides the other");
        }
        return new DwcConfig(in.lanes(), out.lanes(), t.width(), t.signed());
    }

    /** Whether beats are gathered (out ≥ in lanes) rather than split. */
    public boolean up() {
        return outLanes >= inLanes;
    }

    /** Input beats per output beat (up) or output beats per input beat (down). */
    public int ratio() {
        return up() ? outLanes / inLanes : inLanes / outLanes;
    }
}
