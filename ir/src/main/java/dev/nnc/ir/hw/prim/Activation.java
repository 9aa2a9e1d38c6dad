package dev.nnc.ir.hw.prim;

/**
 * What the MVAU does to its requantised output raws (docs/hardware.md §2): nothing, max(y, 0), or
 * min(max(y, lo), hi). The ordinal is the RTL parameter {@code ACT}.
 */
public enum Activation {
    NONE,
    RELU,
    CLIP;

    /** The activation of a raw output value y (clip bounds are raws of the output type). */
    public long apply(long y, long clipLo, long clipHi) {
        switch (this) {
            case RELU:
                return Math.max(y, 0);
            case CLIP:
                return Math.min(Math.max(y, clipLo), clipHi);
            default:
                return y;
        }
    }
}
