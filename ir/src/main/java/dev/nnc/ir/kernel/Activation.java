package dev.nnc.ir.kernel;

import java.util.Locale;

/** The MVAU's activation on output raws, applied after the requantizer. */
public enum Activation {
    /** The requantized value as is. */
    NONE,
    /** max(y, 0). */
    RELU,
    /** min(max(y, clip_lo), clip_hi), bounds raw in the output type. */
    CLIP;

    public static Activation parse(String s) {
        for (Activation a : values()) {
            if (a.name().equals(s.toUpperCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + s + "' (one of NONE, RELU, CLIP)");
    }

    /** The activation of raw y with raw bounds lo, hi (used by CLIP only). */
    public long apply(long y, long lo, long hi) {
        switch (this) {
            case RELU:
                return Math.max(y, 0);
            case CLIP:
                return Math.min(Math.max(y, lo), hi);
            default:
                return y;
        }
    }
}
