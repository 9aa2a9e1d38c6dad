package dev.nnc.ir.hw.prim;

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

    /** Whether beats are gathered (out ≥ in lanes) rather than split. */
    public boolean up() {
        return outLanes >= inLanes;
    }

    /** Input beats per output beat (up) or output beats per input beat (down). */
    public int ratio() {
        return up() ? outLanes / inLanes : inLanes / outLanes;
    }
}
