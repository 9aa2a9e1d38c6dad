package dev.nnc.sim.engine;

import java.util.List;

/**
 * The outcome of one run: total cycles (the cycle after the last output beat, as the testbench's
 * {@code cycles <n>} line), per-frame timing, per-component statistics, and the wall and CPU time
 * of the cycle loop (CPU time is what to compare on a loaded machine; -1 where the JVM cannot
 * measure it), and the fast-forward jump if one was made (null otherwise). The output beats stay
 * in the netlist's {@link SinkMonitor}s.
 */
public record SimResult(long cycles, List<FrameTiming> frames, List<NodeStats> nodes, long wallNanos, long cpuNanos,
                        FastForwardJump jump) {
    public SimResult {
        frames = List.copyOf(frames);
        nodes = List.copyOf(nodes);
    }

    /**
     * Initiation interval: (last output cycle of the last frame − that of the first) / (frames − 1);
     * NaN with one frame.
     */
    public double initiationInterval() {
        int n = frames.size();
        if (n < 2) {
            return Double.NaN;
        }
        return (double) (frames.get(n - 1).lastOut() - frames.get(0).lastOut()) / (n - 1);
    }

    /** Simulated cycles per second of wall time. */
    public double cyclesPerSecond() {
        return wallNanos == 0 ? Double.POSITIVE_INFINITY : cycles * 1e9 / wallNanos;
    }
}
