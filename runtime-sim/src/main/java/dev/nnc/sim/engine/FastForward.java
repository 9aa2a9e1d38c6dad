package dev.nnc.sim.engine;

import dev.nnc.sim.Component;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds where a run becomes periodic so the {@link Simulator} can skip whole frames exactly.
 *
 * <p>The timing of every primitive is data-independent, the sources offer frames back to back and
 * the sinks are always ready. So if the control state of every component ({@link
 * Component#controlState}) at the start of frame f equals the one at the start of an earlier frame
 * g, every cycle from there on repeats the cycles from g with a period of f − g frames and P
 * cycles, until the sources run out. The simulator then jumps over whole periods (shifting beat
 * cycles and adding per-period statistics) and simulates the last frame cycle by cycle again. What
 * it cannot carry over is the data in flight: beats that reach a sink after the jump hold stale
 * values, and the caller takes their values from the reference semantics instead (see
 * {@link SimResult#jump()}).
 */
final class FastForward {
    /** What the simulator knew at the start of one frame of source 0. */
    record Boundary(int frame, long cycle, long[] inBeats, long[] outBeats, long[] stalled, long[] starved,
                    int[] sourceTaken, int[] sinkReceived) {
    }

    private final Component[] comps;
    private final boolean[] endpoint;
    private final Map<Key, Boundary> seen = new HashMap<>();
    private boolean done;

    FastForward(Component[] comps, boolean[] endpoint) {
        this.comps = comps;
        this.endpoint = endpoint;
    }

    /**
     * Records boundary {@code b} with the control state of every component and the other
     * sources' position relative to the frame ({@code sourceOffsets}); returns the earlier
     * boundary with the same state, or null. Returns null for good once a component cannot say
     * its control state.
     */
    Boundary record(Boundary b, int[] sourceOffsets) {
        if (done) {
            return null;
        }
        long[][] parts = new long[comps.length + 1][];
        for (int i = 0; i < comps.length; i++) {
            if (endpoint[i]) {
                parts[i] = new long[0];
                continue;
            }
            long[] s = comps[i].controlState();
            if (s == null) {
                done = true;
                seen.clear();
                return null;
            }
            parts[i] = s;
        }
        parts[comps.length] = Arrays.stream(sourceOffsets).asLongStream().toArray();
        return seen.putIfAbsent(new Key(parts), b);
    }

    /** No more jumps in this run (after one, fewer than a period of frames remain). */
    void stop() {
        done = true;
        seen.clear();
    }

    /** A control state as a map key: the per-component arrays compared deeply. */
    private record Key(long[][] parts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.deepEquals(parts, k.parts);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(parts);
        }
    }
}
