package dev.nnc.sim.engine;

/**
 * What one component did during a run.
 *
 * @param name       instance name
 * @param kind       hw op name, e.g. {@code hw.mvau}
 * @param inBeats    beats it accepted on all inputs
 * @param outBeats   beats it emitted on all outputs
 * @param stalled    cycles with a valid output beat that was not taken (back-pressure)
 * @param starved    cycles with an input ready and no beat offered on it
 * @param highWater  the most beats accepted and not yet emitted at the end of any cycle; for a
 *                   FIFO this is its occupancy high-water mark
 */
public record NodeStats(String name, String kind, long inBeats, long outBeats, long stalled, long starved,
                        long highWater) {
}
