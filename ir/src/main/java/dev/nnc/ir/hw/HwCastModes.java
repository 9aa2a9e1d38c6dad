package dev.nnc.ir.hw;

import dev.nnc.ir.fixed.CastMode;

/**
 * The cast modes the hardware primitives implement: the project default (RND_CONV + SAT) and
 * hls4ml's TRN + WRAP (docs/hardware.md §4). Shared by the hw verifier and {@code lower-hw}.
 */
public final class HwCastModes {
    private HwCastModes() {
    }

    /** Null when the pair has RTL; otherwise one line saying what is supported. */
    public static String unsupported(String rounding, String overflow) {
        CastMode mode;
        try {
            mode = CastMode.parse(rounding, overflow);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (mode.equals(CastMode.DEFAULT) || mode.equals(CastMode.HLS4ML)) {
            return null;
        }
        return "cast mode " + mode.rounding() + " + " + mode.overflow() + " has no hardware; use RND_CONV + SAT (the default)"
                + " or TRN + WRAP";
    }
}
