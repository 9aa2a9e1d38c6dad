package dev.nnc.sim.engine;

/**
 * Limits and switches of one simulation run.
 *
 * @param deadlockCycles cycles without any transfer, while outputs are still expected, after
 *                       which the run stops with a deadlock report
 * @param maxCycles      hard limit on the cycles of one run
 * @param clockAll       clock every component every cycle, ignoring {@link dev.nnc.sim.Component#idle}
 *                       (slower; a model whose idle() is wrong gives another trace with it than
 *                       without it). Defaults to the system property {@code nnc.sim.clockAll}.
 * @param fastForward    jump over whole frames once the control state repeats ({@link FastForward});
 *                       beats after the jump get their values from the reference semantics.
 *                       Defaults to true unless the system property {@code nnc.sim.noFastForward} is set.
 * @param fastForwardMinCycles the least cycles per frame for which a jump pays: below it, computing
 *                       a skipped frame's values from the reference costs more than simulating it
 *                       (jet_tagger: 32 cycles a frame), so the run simulates every cycle
 */
public record SimOptions(long deadlockCycles, long maxCycles, boolean clockAll, boolean fastForward,
                         long fastForwardMinCycles) {
    /** Measured with {@code nnc sim --bench}: jet_tagger (32 cycles a frame) and conv2d_small (576) gain nothing. */
    public static final long FAST_FORWARD_MIN_CYCLES = 1024;

    public static final SimOptions DEFAULT = new SimOptions(100_000, Long.MAX_VALUE);

    public SimOptions {
        if (deadlockCycles < 1 || maxCycles < 1) {
            throw new IllegalArgumentException("cycle limits must be positive");
        }
    }

    public SimOptions(long deadlockCycles, long maxCycles) {
        this(deadlockCycles, maxCycles, Boolean.getBoolean("nnc.sim.clockAll"), !Boolean.getBoolean("nnc.sim.noFastForward"),
                FAST_FORWARD_MIN_CYCLES);
    }

    public SimOptions withClockAll(boolean all) {
        return new SimOptions(deadlockCycles, maxCycles, all, fastForward, fastForwardMinCycles);
    }

    public SimOptions withFastForward(boolean on) {
        return new SimOptions(deadlockCycles, maxCycles, clockAll, on, fastForwardMinCycles);
    }

    /** Fast-forward whatever the frame's length (tests of the jump itself). */
    public SimOptions withFastForwardAlways() {
        return new SimOptions(deadlockCycles, maxCycles, clockAll, true, 0);
    }
}
