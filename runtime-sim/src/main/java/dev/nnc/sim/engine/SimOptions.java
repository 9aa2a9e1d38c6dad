package dev.nnc.sim.engine;

/**
 * Limits of one simulation run.
 *
 * @param deadlockCycles cycles without any transfer, while outputs are still expected, after
 *                       which the run stops with a deadlock report
 * @param maxCycles      hard limit on the cycles of one run
 * @param clockAll       clock every component every cycle, ignoring {@code Component.idle()}:
 *                       slower, but a trace that differs from the default run's exposes a wrong
 *                       idle predicate (also switched on by {@code -Dnnc.sim.clockAll=true})
 */
public record SimOptions(long deadlockCycles, long maxCycles, boolean clockAll) {
    public static final SimOptions DEFAULT = new SimOptions(100_000, Long.MAX_VALUE);

    /** Limits only; components are clocked only when not idle. */
    public SimOptions(long deadlockCycles, long maxCycles) {
        this(deadlockCycles, maxCycles, false);
    }

    /** These limits with every component clocked every cycle. */
    public SimOptions clockingAll() {
        return new SimOptions(deadlockCycles, maxCycles, true);
    }

    public SimOptions {
        if (deadlockCycles < 1 || maxCycles < 1) {
            throw new IllegalArgumentException("cycle limits must be positive");
        }
    }
}
