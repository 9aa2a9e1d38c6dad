package dev.nnc.ir.hw.prim;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.type.FixedType;
import java.util.Arrays;

/**
 * The output stage every arithmetic primitive ends in (RTL {@code nnc_requant.sv}): one
 * {@link Requantizer} per output channel, raw accumulator → raw output, with the widths the RTL
 * needs for its multiplier and shift inputs. A {@code q.cast} is the stage with M = 1 and
 * s = F_acc − F_out.
 *
 * @param multipliers M per channel (≥ 1, < 2^31)
 * @param shifts s per channel, in [−{@value #MAX_LEFT_SHIFT}, 126]
 * @param mode RND_CONV+SAT or TRN+WRAP: the only modes with RTL (docs/hardware.md §4)
 */
public record RequantStage(long[] multipliers, int[] shifts, CastMode mode) {
    /** Width of the shift input of {@code nnc_requant} (two's complement). */
    public static final int SHIFT_WIDTH = 8;
    /** Largest exact left shift (negative s) the RTL supports. */
    public static final int MAX_LEFT_SHIFT = 32;

    public RequantStage {
        if (multipliers.length != shifts.length || multipliers.length == 0) {
            throw new IllegalArgumentException("requant stage needs one multiplier per shift");
        }
        multipliers = multipliers.clone();
        shifts = shifts.clone();
    }

    /** The same M and s for {@code channels} channels. */
    public static RequantStage uniform(int channels, long multiplier, int shift, CastMode mode) {
        long[] m = new long[channels];
        int[] s = new int[channels];
        Arrays.fill(m, multiplier);
        Arrays.fill(s, shift);
        return new RequantStage(m, s, mode);
    }

    /** The exact cast from {@code from} to {@code to} (M = 1, s = F_from − F_to) on every channel. */
    public static RequantStage cast(int channels, FixedType from, FixedType to, CastMode mode) {
        return uniform(channels, 1, from.fractionBits() - to.fractionBits(), mode);
    }

    /**
     * Checks what the RTL supports; the message (without the op name, which the caller adds)
     * says what is wrong, or null when all is fine.
     */
    public String unsupported() {
        if (!mode.equals(CastMode.DEFAULT) && !mode.equals(CastMode.HLS4ML)) {
            return "cast mode " + mode + " has no RTL (only RND_CONV,SAT and TRN,WRAP)";
        }
        for (int c = 0; c < shifts.length; c++) {
            if (multipliers[c] < 1 || multipliers[c] >= 1L << 31) {
                return "multiplier " + multipliers[c] + " of channel " + c + " is outside 1..2^31-1";
            }
            if (shifts[c] < -MAX_LEFT_SHIFT || shifts[c] > 126) {
                return "shift " + shifts[c] + " of channel " + c + " is outside -" + MAX_LEFT_SHIFT + "..126";
            }
        }
        return null;
    }

    public int channels() {
        return shifts.length;
    }

    /** The requantizer of one channel. */
    public Requantizer requantizer(int channel) {
        return new Requantizer(multipliers[channel], shifts[channel], mode);
    }

    /** Bits of the unsigned multiplier input: enough for the largest M. */
    public int multiplierWidth() {
        long max = Arrays.stream(multipliers).max().orElse(1);
        return 64 - Long.numberOfLeadingZeros(max);
    }

    /** Largest left shift in use (parameter LSH), 0 when every s ≥ 0. */
    public int leftShift() {
        return Math.max(0, -Arrays.stream(shifts).min().orElse(0));
    }

    /** Whether rounding is RND_CONV (else TRN). */
    public boolean roundConvergent() {
        return mode.equals(CastMode.DEFAULT);
    }

    /** Whether overflow saturates (else wraps). */
    public boolean saturate() {
        return mode.equals(CastMode.DEFAULT);
    }
}
