package dev.nnc.sim.engine;

import dev.nnc.ir.diag.NncException;
import dev.nnc.sim.Component;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Netlist} cycle by cycle under the two-phase rule of docs/hardware.md §4: read
 * every stream's valid and ready (registered outputs, so no ordering is needed), decide the
 * transfers, then clock every component with them. The run ends on the cycle the last expected
 * output beat arrives at the {@link SinkMonitor}s; no transfer for {@link SimOptions#deadlockCycles}
 * cycles before that is a deadlock, reported in one line naming the stuck components.
 *
 * <p>The loop reads plain arrays built once and allocates nothing per cycle. Each component's
 * valid/ready outputs are read once after each of its clocks and kept per stream (they are
 * registered, so they cannot change until the next clock), and a component that is
 * {@link Component#idle} and touched by no transfer is not clocked at all. Each transferred beat
 * is copied into a buffer owned by its stream (so a producer may reuse its output array when it is
 * clocked), which the consumer must copy if it keeps the beat.
 */
public final class Simulator {
    private final Netlist netlist;
    private final SimOptions options;
    private final Component[] comps;
    private final int[] sProd;
    private final int[] sOut;
    private final int[] sCons;
    private final int[] sIn;
    private final int[] sLanes;
    private final boolean[] sToSink;
    private final long[][] sBuf;
    /** Per component, the streams on its output ports and on its input ports. */
    private final int[][] outStreams;
    private final int[][] inStreams;
    private final long[][][] accepted;
    private final boolean[][] taken;
    private final boolean[] valid;
    private final boolean[] ready;
    /** Per stream: what its valid/ready say about the coming cycle (FIRE, STALL, STARVE or NONE). */
    private final byte[] state;
    /** Streams that transfer next cycle (valid and ready). */
    private final IndexedSet firing;
    /** Components that are not idle: clocked every cycle. */
    private final IndexedSet busy;
    private final boolean[] touched;
    private final int[] toClock;
    /** Per component: outputs stalled / inputs starved now, and since which cycle. */
    private final int[] stalledPorts;
    private final int[] starvedPorts;
    private final boolean[] endpoint;
    /** Whether the component's class overrides {@link Component#idle} (else asking costs a call for nothing). */
    private final boolean[] mayIdle;
    private final int[] fired;
    private final long[] stalled;
    private final long[] starved;
    private final long[] stalledSince;
    private final long[] starvedSince;
    private final long[] inBeats;
    private final long[] outBeats;
    /** Per component, the cycle of its last accepted and of its last emitted beat (-1: none). */
    private final long[] lastIn;
    private final long[] lastOut;
    private final long[] highWater;
    private final List<SourceDriver> sources = new ArrayList<>();
    private final List<SinkMonitor> sinks = new ArrayList<>();

    public Simulator(Netlist netlist, SimOptions options) {
        this.netlist = netlist;
        this.options = options;
        int n = netlist.nodes().size();
        comps = new Component[n];
        accepted = new long[n][][];
        taken = new boolean[n][];
        endpoint = new boolean[n];
        mayIdle = new boolean[n];
        for (int i = 0; i < n; i++) {
            Component c = netlist.nodes().get(i).component();
            comps[i] = c;
            mayIdle[i] = !options.clockAll() && overridesIdle(c);
            accepted[i] = new long[c.inputCount()][];
            taken[i] = new boolean[c.outputCount()];
            if (c instanceof SourceDriver d) {
                sources.add(d);
                endpoint[i] = true;
            } else if (c instanceof SinkMonitor m) {
                sinks.add(m);
                endpoint[i] = true;
            }
        }
        int m = netlist.streams().size();
        sProd = new int[m];
        sOut = new int[m];
        sCons = new int[m];
        sIn = new int[m];
        sLanes = new int[m];
        sToSink = new boolean[m];
        sBuf = new long[m][];
        outStreams = new int[n][];
        inStreams = new int[n][];
        for (int i = 0; i < n; i++) {
            outStreams[i] = new int[comps[i].outputCount()];
            inStreams[i] = new int[comps[i].inputCount()];
        }
        for (int s = 0; s < m; s++) {
            Netlist.Stream st = netlist.streams().get(s);
            sProd[s] = st.producer();
            sOut[s] = st.outPort();
            sCons[s] = st.consumer();
            sIn[s] = st.inPort();
            sLanes[s] = st.lanes();
            sToSink[s] = comps[st.consumer()] instanceof SinkMonitor;
            sBuf[s] = new long[st.lanes()];
            outStreams[st.producer()][st.outPort()] = s;
            inStreams[st.consumer()][st.inPort()] = s;
        }
        valid = new boolean[m];
        ready = new boolean[m];
        fired = new int[m];
        state = new byte[m];
        firing = new IndexedSet(m);
        busy = new IndexedSet(n);
        touched = new boolean[n];
        toClock = new int[n];
        stalledPorts = new int[n];
        starvedPorts = new int[n];
        stalled = new long[n];
        starved = new long[n];
        stalledSince = new long[n];
        starvedSince = new long[n];
        inBeats = new long[n];
        outBeats = new long[n];
        lastIn = new long[n];
        lastOut = new long[n];
        highWater = new long[n];
        if (sources.isEmpty() || sinks.isEmpty()) {
            throw new IllegalArgumentException("a netlist to simulate needs at least one source and one sink");
        }
        int frames = sources.get(0).totalBeats() / sources.get(0).beatsPerFrame();
        for (SourceDriver d : sources) {
            requireFrames(d.totalBeats() / d.beatsPerFrame(), frames);
        }
        for (SinkMonitor k : sinks) {
            requireFrames(k.expected() / k.beatsPerFrame(), frames);
        }
    }

    public Simulator(Netlist netlist) {
        this(netlist, SimOptions.DEFAULT);
    }

    private static final byte NONE = 0;
    private static final byte FIRE = 1;
    private static final byte STALL = 2;
    private static final byte STARVE = 3;

    /** Resets every component and runs until every sink has its expected beats. */
    public SimResult run() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        final int n = comps.length;
        java.util.Arrays.fill(stalled, 0);
        java.util.Arrays.fill(starved, 0);
        java.util.Arrays.fill(stalledPorts, 0);
        java.util.Arrays.fill(starvedPorts, 0);
        java.util.Arrays.fill(inBeats, 0);
        java.util.Arrays.fill(outBeats, 0);
        java.util.Arrays.fill(highWater, 0);
        java.util.Arrays.fill(lastIn, -1);
        java.util.Arrays.fill(lastOut, -1);
        java.util.Arrays.fill(state, NONE);
        java.util.Arrays.fill(touched, false);
        firing.clear();
        busy.clear();
        for (int i = 0; i < n; i++) {
            comps[i].reset();
        }
        for (int i = 0; i < n; i++) {
            sample(i, 0);
        }
        long remaining = 0;
        for (SinkMonitor k : sinks) {
            remaining += k.expected();
        }
        long cycle = 0;
        long lastFire = -1;
        while (remaining > 0) {
            if (firing.size == 0 && busy.size == 0) {
                // nothing can change any more: skip to the cycle the deadlock rule would fire
                cycle = Math.max(cycle, lastFire + options.deadlockCycles() + 1);
            }
            if (cycle >= options.maxCycles()) {
                throw new NncException("simulation stopped at the limit of " + options.maxCycles() + " cycles with "
                        + remaining + " output beats still expected");
            }
            if (cycle - lastFire > options.deadlockCycles()) {
                throw deadlock(cycle);
            }
            int clocked = 0;
            for (int k = 0; k < busy.size; k++) {
                int i = busy.items[k];
                touched[i] = true;
                toClock[clocked++] = i;
            }
            int nFired = firing.size;
            for (int k = 0; k < nFired; k++) {
                int s = firing.items[k];
                int p = sProd[s];
                int c = sCons[s];
                System.arraycopy(comps[p].outData(sOut[s]), 0, sBuf[s], 0, sLanes[s]);
                accepted[c][sIn[s]] = sBuf[s];
                taken[p][sOut[s]] = true;
                inBeats[c]++;
                outBeats[p]++;
                lastIn[c] = cycle;
                lastOut[p] = cycle;
                fired[k] = s;
                if (!touched[p]) {
                    touched[p] = true;
                    toClock[clocked++] = p;
                }
                if (!touched[c]) {
                    touched[c] = true;
                    toClock[clocked++] = c;
                }
                if (sToSink[s]) {
                    remaining--;
                }
            }
            if (nFired > 0) {
                lastFire = cycle;
            }
            for (int k = 0; k < clocked; k++) {
                int i = toClock[k];
                if (endpoint[i]) {
                    setNow(comps[i], cycle);
                }
                comps[i].clock(accepted[i], taken[i]);
            }
            for (int k = 0; k < nFired; k++) {
                int s = fired[k];
                accepted[sCons[s]][sIn[s]] = null;
                taken[sProd[s]][sOut[s]] = false;
            }
            for (int k = 0; k < clocked; k++) {
                int i = toClock[k];
                touched[i] = false;
                sample(i, cycle + 1);
                long held = inBeats[i] - outBeats[i];
                if (held > highWater[i]) {
                    highWater[i] = held;
                }
            }
            cycle++;
        }
        for (int i = 0; i < n; i++) {
            if (stalledPorts[i] > 0) {
                stalled[i] += cycle - stalledSince[i];
            }
            if (starvedPorts[i] > 0) {
                starved[i] += cycle - starvedSince[i];
            }
        }
        long wall = System.nanoTime() - start;
        long cpu = cpuTimed ? threads.getCurrentThreadCpuTime() - cpuStart : -1;
        checkEnd();
        return new SimResult(cycle, frames(), stats(), wall, cpu);
    }

    /** Reads component {@code i}'s registered port signals and idleness, which hold from cycle {@code from}. */
    private void sample(int i, long from) {
        Component c = comps[i];
        int[] outs = outStreams[i];
        for (int p = 0; p < outs.length; p++) {
            int s = outs[p];
            valid[s] = c.outValid(p);
            update(s, from);
        }
        int[] ins = inStreams[i];
        for (int p = 0; p < ins.length; p++) {
            int s = ins[p];
            ready[s] = c.inReady(p);
            update(s, from);
        }
        if (mayIdle[i] && c.idle()) {
            busy.remove(i);
        } else {
            busy.add(i);
        }
    }

    /** Moves stream {@code s} to the state its cached valid/ready give, from cycle {@code from}. */
    private void update(int s, long from) {
        boolean v = valid[s];
        boolean r = ready[s];
        byte next = v && r ? FIRE : v ? STALL : r ? STARVE : NONE;
        byte prev = state[s];
        if (next == prev) {
            return;
        }
        state[s] = next;
        if (prev == FIRE) {
            firing.remove(s);
        } else if (prev == STALL) {
            int p = sProd[s];
            if (--stalledPorts[p] == 0) {
                stalled[p] += from - stalledSince[p];
            }
        } else if (prev == STARVE) {
            int c = sCons[s];
            if (--starvedPorts[c] == 0) {
                starved[c] += from - starvedSince[c];
            }
        }
        if (next == FIRE) {
            firing.add(s);
        } else if (next == STALL) {
            int p = sProd[s];
            if (stalledPorts[p]++ == 0) {
                stalledSince[p] = from;
            }
        } else if (next == STARVE) {
            int c = sCons[s];
            if (starvedPorts[c]++ == 0) {
                starvedSince[c] = from;
            }
        }
    }

    private static void setNow(Component c, long cycle) {
        if (c instanceof SourceDriver d) {
            d.now = cycle;
        } else if (c instanceof SinkMonitor k) {
            k.now = cycle;
        }
    }

    private static boolean overridesIdle(Component c) {
        try {
            return c.getClass().getMethod("idle").getDeclaringClass() != Component.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The sources, in netlist order. */
    public List<SourceDriver> sources() {
        return List.copyOf(sources);
    }

    /** The sinks, in netlist order. */
    public List<SinkMonitor> sinks() {
        return List.copyOf(sinks);
    }

    private static void requireFrames(int got, int frames) {
        if (got != frames) {
            throw new IllegalArgumentException("every source and sink must carry the same number of frames: " + got + " vs " + frames);
        }
    }

    private void checkEnd() {
        for (int i = 0; i < comps.length; i++) {
            Netlist.Node node = netlist.nodes().get(i);
            if (node.component() instanceof SourceDriver d && !d.done()) {
                throw new NncException("the design gave every expected output beat but source '" + node.name()
                        + "' still had " + (d.totalBeats() - d.beatsTaken()) + " of " + d.totalBeats() + " beats to take");
            }
        }
    }

    private List<FrameTiming> frames() {
        int frames = sources.get(0).totalBeats() / sources.get(0).beatsPerFrame();
        List<FrameTiming> out = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            long first = Long.MAX_VALUE;
            for (SourceDriver d : sources) {
                first = Math.min(first, d.cycle(f * d.beatsPerFrame()));
            }
            long last = Long.MIN_VALUE;
            for (SinkMonitor k : sinks) {
                last = Math.max(last, k.cycle((f + 1) * k.beatsPerFrame() - 1));
            }
            out.add(new FrameTiming(first, last));
        }
        return out;
    }

    private List<NodeStats> stats() {
        List<NodeStats> out = new ArrayList<>(comps.length);
        for (int i = 0; i < comps.length; i++) {
            Netlist.Node node = netlist.nodes().get(i);
            out.add(new NodeStats(node.name(), node.kind(), inBeats[i], outBeats[i], stalled[i], starved[i], highWater[i]));
        }
        return out;
    }

    private NncException deadlock(long cycle) {
        return new NncException(DeadlockReport.describe(netlist, comps, sProd, sOut, sCons, sIn, lastIn, lastOut, cycle, options.deadlockCycles()));
    }
}
