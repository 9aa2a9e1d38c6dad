package dev.nnc.sim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.diag.NncException;
import dev.nnc.sim.Component;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static long[][] beats(int n, int frames) {
        long[][] b = new long[n * frames][1];
        for (int i = 0; i < b.length; i++) {
            b[i][0] = 10 + i;
        }
        return b;
    }

    private static long[] received(SinkMonitor k) {
        long[] out = new long[k.received()];
        for (int i = 0; i < out.length; i++) {
            out[i] = k.beat(i)[0];
        }
        return out;
    }

    private static NodeStats stats(SimResult r, String name) {
        return r.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    /** source → fifo(d) → [middle] → sink. */
    private static Netlist chain(SourceDriver src, SinkMonitor sink, Component... middle) {
        Netlist.Builder b = Netlist.builder();
        int prev = b.add("x", "hw.source", src);
        int i = 0;
        for (Component c : middle) {
            int id = b.add("c" + i++, c instanceof Toys.Fifo ? "hw.fifo" : "toy", c);
            b.connect(prev, 0, id, 0, 1);
            prev = id;
        }
        int k = b.add("y", "hw.sink", sink);
        b.connect(prev, 0, k, 0, 1);
        return b.build();
    }

    @Test
    void fifoChainRunsAtOneBeatPerCycle() {
        SourceDriver src = new SourceDriver(beats(5, 3), 5);
        SinkMonitor sink = new SinkMonitor(1, 5, 3);
        SimResult r = new Simulator(chain(src, sink, new Toys.Fifo(2, 1))).run();
        assertArrayEquals(new long[] {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24}, received(sink));
        // beat i enters the FIFO at cycle i and leaves it at cycle i + 1
        assertEquals(1, sink.cycle(0));
        assertEquals(15, sink.cycle(14));
        assertEquals(16, r.cycles());
        assertEquals(List.of(new FrameTiming(0, 5), new FrameTiming(5, 10), new FrameTiming(10, 15)), r.frames());
        assertEquals(6, r.frames().get(0).latency());
        assertEquals(5.0, r.initiationInterval());
        NodeStats fifo = stats(r, "c0");
        assertEquals(15, fifo.inBeats());
        assertEquals(15, fifo.outBeats());
        assertEquals(1, fifo.highWater());
        assertEquals(0, stats(r, "x").stalled());
    }

    @Test
    void backPressureStallsTheSourceAndFillsTheFifo() {
        SourceDriver src = new SourceDriver(beats(5, 1), 5);
        SinkMonitor sink = new SinkMonitor(1, 5, 1);
        SimResult r = new Simulator(chain(src, sink, new Toys.Fifo(2, 1), new Toys.Slow(3))).run();
        assertArrayEquals(new long[] {10, 11, 12, 13, 14}, received(sink));
        // the slow stage takes beat i at cycle 1 + 4i and offers it 3 cycles later
        assertEquals(4, sink.cycle(0));
        assertEquals(20, sink.cycle(4));
        assertEquals(21, r.cycles());
        assertEquals(2, stats(r, "c0").highWater());
        assertTrue(stats(r, "x").stalled() > 0, "the source waited on a full FIFO");
        assertTrue(stats(r, "c0").stalled() > 0, "the FIFO waited on the slow stage");
        assertEquals(10, src.cycle(4), "a slot frees every 4 cycles from cycle 5; the refill takes one more");
        assertEquals(7, stats(r, "c0").starved(), "cycles 14..20: a slot is free and the source has finished");
        assertEquals(1, stats(r, "c1").starved(), "the slow stage is offered nothing only in cycle 0");
    }

    /** source → fork; out0 → skip FIFO → add.in0; out1 → frame buffer → add.in1; add → sink. */
    private static Netlist residual(SourceDriver src, SinkMonitor sink, int skipDepth, int frame) {
        Netlist.Builder b = Netlist.builder();
        int x = b.add("x", "hw.source", src);
        int fork = b.add("fork", "hw.fork", new Toys.Fork());
        int skip = b.add("skip", "hw.fifo", new Toys.Fifo(skipDepth, 1));
        int buf = b.add("window", "hw.swg", new Toys.FrameBuffer(frame));
        int add = b.add("add", "hw.add", new Toys.Add());
        int y = b.add("y", "hw.sink", sink);
        b.connect(x, 0, fork, 0, 1).connect(fork, 0, skip, 0, 1).connect(fork, 1, buf, 0, 1)
                .connect(skip, 0, add, 0, 1).connect(buf, 0, add, 1, 1).connect(add, 0, y, 0, 1);
        return b.build();
    }

    @Test
    void forkAndJoinWithADeepEnoughSkipFifo() {
        SourceDriver src = new SourceDriver(beats(4, 2), 4);
        SinkMonitor sink = new SinkMonitor(1, 4, 2);
        SimResult r = new Simulator(residual(src, sink, 4, 4)).run();
        assertArrayEquals(new long[] {20, 22, 24, 26, 28, 30, 32, 34}, received(sink));
        assertEquals(4, stats(r, "skip").highWater());
        assertEquals(2, r.frames().size());
        assertEquals(r.frames().get(1).lastOut() - r.frames().get(0).lastOut(), (long) r.initiationInterval());
    }

    @Test
    void skippingIdleComponentsChangesNothing() {
        SourceDriver a = new SourceDriver(beats(7, 3), 7);
        SinkMonitor ka = new SinkMonitor(1, 7, 3);
        SimResult skipping = new Simulator(chain(a, ka, new Toys.Fifo(2, 1, true), new Toys.Slow(3), new Toys.Fifo(3, 1, true))).run();
        SourceDriver b = new SourceDriver(beats(7, 3), 7);
        SinkMonitor kb = new SinkMonitor(1, 7, 3);
        SimResult clocked = new Simulator(chain(b, kb, new Toys.Fifo(2, 1, false), new Toys.Slow(3), new Toys.Fifo(3, 1, false))).run();
        assertEquals(clocked.cycles(), skipping.cycles());
        assertEquals(clocked.frames(), skipping.frames());
        assertEquals(clocked.nodes(), skipping.nodes());
        for (int i = 0; i < 21; i++) {
            assertEquals(kb.cycle(i), ka.cycle(i));
            assertEquals(kb.beat(i)[0], ka.beat(i)[0]);
            assertEquals(b.cycle(i), a.cycle(i));
        }
    }

    @Test
    void deadlockNamesTheStuckStreams() {
        SourceDriver src = new SourceDriver(beats(4, 1), 4);
        SinkMonitor sink = new SinkMonitor(1, 4, 1);
        Simulator sim = new Simulator(residual(src, sink, 1, 4), new SimOptions(50, Long.MAX_VALUE));
        NncException e = assertThrows(NncException.class, sim::run);
        String m = e.getMessage();
        assertTrue(m.startsWith("deadlock: no transfer for 50 cycles"), m);
        assertTrue(m.contains("source x 3 of 4 beats taken"), m);
        assertTrue(m.contains("sink y 0 of 4 beats received"), m);
        assertTrue(m.contains("skip (hw.fifo) refuses in from fork (hw.fork)"), m);
        assertTrue(m.contains("add (hw.add) refuses in0 from skip (hw.fifo)"), m);
        assertTrue(m.contains("holding beats taken after their last output: skip (hw.fifo), window (hw.swg), add (hw.add)"), m);
        assertTrue(!m.contains("\n"), "one line");
    }

    @Test
    void cycleLimitStopsARun() {
        SourceDriver src = new SourceDriver(beats(5, 1), 5);
        SinkMonitor sink = new SinkMonitor(1, 5, 1);
        Simulator sim = new Simulator(chain(src, sink, new Toys.Fifo(2, 1)), new SimOptions(50, 3));
        NncException e = assertThrows(NncException.class, sim::run);
        assertTrue(e.getMessage().contains("limit of 3 cycles"), e.getMessage());
    }

    @Test
    void runsAgainAfterReset() {
        SourceDriver src = new SourceDriver(beats(4, 2), 4);
        SinkMonitor sink = new SinkMonitor(1, 4, 2);
        Simulator sim = new Simulator(residual(src, sink, 4, 4));
        SimResult first = sim.run();
        SimResult second = sim.run();
        assertEquals(first.frames(), second.frames());
        assertEquals(first.nodes(), second.nodes());
    }

    @Test
    void unconnectedPortIsRejected() {
        Netlist.Builder b = Netlist.builder();
        b.add("x", "hw.source", new SourceDriver(beats(1, 1), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("output 0 of x is not connected", e.getMessage());
    }
}
