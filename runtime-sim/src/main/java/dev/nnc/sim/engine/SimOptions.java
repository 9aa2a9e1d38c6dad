package dev.nnc.sim.engine;

/**
 * Limits of one simulation run.
 *
 * @param deadlockCycles cycles without any transfer, while outputs are still expected, after
 *                       which the run stops with a deadlock report
 * @param maxCycles      hard limit on the cycles of one run
 */
public record SimOptions(long deadlockCycles, long maxCycles) {
    public static final SimOptions DEFAULT = new SimOptions(100_000, Long.MAX_VALUE);

    public SimOptions {
        if (deadlockCycles < 1 || maxCycles < 1) {
            throw new IllegalArgumentException("cycle limits must be positive");
        }
    }
}
