package dev.nnc.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nnc.ir.hw.prim.FifoConfig;
import dev.nnc.sim.Component;
import dev.nnc.sim.prim.FifoModel;
import org.junit.jupiter.api.Test;

/** The engine's fast-forward on small netlists: exact timing and statistics, and when it must not jump. */
class FastForwardEngineTest {
    private static final int BEATS = 6;
    private static final int FRAMES = 10;

    private static long[][] beats() {
        long[][] b = new long[BEATS * FRAMES][1];
        for (int i = 0; i < b.length; i++) {
            b[i][0] = i;
        }
        return b;
    }

    /** source → fifo(2) → slow(3 cycles a beat) → fifo(2) → sink: back-pressure reaches the source. */
    private static SimResult run(boolean fastForward, Component middle, SinkMonitor sink) {
        Netlist.Builder b = Netlist.builder();
        int src = b.add("x", "hw.source", new SourceDriver(beats(), BEATS));
        int f0 = b.add("f0", "hw.fifo", new FifoModel(new FifoConfig(1, 8, false, 2)));
        int mid = b.add("m", "toy", middle);
        int f1 = b.add("f1", "hw.fifo", new FifoModel(new FifoConfig(1, 8, false, 2)));
        int k = b.add("y", "hw.sink", sink);
        b.connect(src, 0, f0, 0, 1);
        b.connect(f0, 0, mid, 0, 1);
        b.connect(mid, 0, f1, 0, 1);
        b.connect(f1, 0, k, 0, 1);
        SimOptions options = SimOptions.DEFAULT.withClockAll(false);
        return new Simulator(b.build(), fastForward ? options.withFastForwardAlways() : options.withFastForward(false)).run();
    }

    @Test
    void jumpsOverPeriodicFramesWithTheSameTimingAndStatistics() {
        SinkMonitor every = new SinkMonitor(1, BEATS, FRAMES);
        SinkMonitor skipping = new SinkMonitor(1, BEATS, FRAMES);
        SimResult full = run(false, new Toys.Slow(3, true), every);
        SimResult fast = run(true, new Toys.Slow(3, true), skipping);
        assertNull(full.jump());
        assertNotNull(fast.jump(), "a periodic pipeline must be fast-forwarded");
        assertEquals(full.cycles(), fast.cycles());
        assertEquals(full.frames(), fast.frames());
        assertEquals(full.nodes(), fast.nodes());
        for (int i = 0; i < every.received(); i++) {
            assertEquals(every.cycle(i), skipping.cycle(i), "cycle of beat " + i);
        }
        int stale = fast.jump().firstStaleBeat().get(0);
        for (int i = 0; i < stale; i++) {
            assertEquals(every.beat(i)[0], skipping.beat(i)[0], "value of beat " + i + " before the jump");
        }
    }

    @Test
    void aComponentThatDoesNotReportItsControlStateTurnsFastForwardOff() {
        SimResult r = run(true, new Toys.Slow(3, false), new SinkMonitor(1, BEATS, FRAMES));
        assertNull(r.jump());
    }
}
