package dev.nnc.sim.engine;

/**
 * When one frame went through the design (docs/hardware.md §5).
 *
 * @param firstIn cycle of the frame's first input beat (earliest over all sources)
 * @param lastOut cycle of the frame's last output beat (latest over all sinks)
 */
public record FrameTiming(long firstIn, long lastOut) {
    /** Latency: last output beat − first input beat + 1. */
    public long latency() {
        return lastOut - firstIn + 1;
    }
}
