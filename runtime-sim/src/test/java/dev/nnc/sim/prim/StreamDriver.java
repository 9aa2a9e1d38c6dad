package dev.nnc.sim.prim;

import dev.nnc.sim.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drives a one-input, one-output {@link Component} in a test: the input beats with random valid
 * gaps (valid held once raised, as AXI-stream requires) and random out_ready back-pressure, or
 * both always high when {@code gaps} is false. Records each output beat and its cycle.
 */
final class StreamDriver {
    record Result(List<long[]> beats, List<Long> cycles) {
    }

    private StreamDriver() {
    }

    static Result run(Component c, List<long[]> input, long expectedOut, boolean gaps, long seed, long maxCycles) {
        return run(c, input, expectedOut, gaps, seed, maxCycles, false);
    }

    /**
     * As above; with {@code skipIdle}, a cycle without transfers on an {@link Component#idle}
     * component is not clocked, as the event-driven simulator does, which must change nothing.
     */
    static Result run(Component c, List<long[]> input, long expectedOut, boolean gaps, long seed, long maxCycles,
                      boolean skipIdle) {
        Random rnd = new Random(seed);
        c.reset();
        List<long[]> out = new ArrayList<>();
        List<Long> cycles = new ArrayList<>();
        int next = 0;
        boolean valid = false;
        long[][] accepted = new long[1][];
        boolean[] taken = new boolean[1];
        for (long cycle = 0; cycle < maxCycles && out.size() < expectedOut; cycle++) {
            if (!valid && next < input.size()) {
                valid = !gaps || rnd.nextInt(4) != 0;
            }
            boolean ready = !gaps || rnd.nextInt(3) != 0;
            boolean inFire = valid && c.inReady(0);
            boolean outFire = ready && c.outValid(0);
            if (outFire) {
                out.add(c.outData(0).clone());
                cycles.add(cycle);
            }
            accepted[0] = inFire ? input.get(next) : null;
            taken[0] = outFire;
            if (!skipIdle || inFire || outFire || !c.idle()) {
                c.clock(accepted, taken);
            }
            if (inFire) {
                next++;
                valid = false;
            }
        }
        return new Result(out, cycles);
    }
}
