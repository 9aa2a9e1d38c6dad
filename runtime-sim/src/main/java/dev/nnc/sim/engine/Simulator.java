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
    private final boolean[] sToSink;
    /** Per stream into a sink, the beats it still owes this run (extra beats do not count down). */
    private final long[] sinkLeft;
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
    /** Null when fast-forward is off. */
    private final FastForward fastForward;
    /** Frame and beat count of source 0 at which the next frame boundary is recorded. */
    private int nextBoundaryFrame;
    private long lastFire;
    private FastForwardJump jump;

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
        sToSink = new boolean[m];
        sinkLeft = new long[m];
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
        fastForward = options.fastForward() && !options.clockAll() ? new FastForward(comps, endpoint) : null;
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
        for (int s = 0; s < sProd.length; s++) {
            if (sToSink[s]) {
                sinkLeft[s] = ((SinkMonitor) comps[sCons[s]]).expected();
                remaining += sinkLeft[s];
            }
        }
        long cycle = 0;
        lastFire = -1;
        jump = null;
        nextBoundaryFrame = 0;
        SourceDriver lead = sources.get(0);
        int frames = lead.totalBeats() / lead.beatsPerFrame();
        while (remaining > 0) {
            if (fastForward != null && lead.beatsTaken() >= nextBoundaryFrame * lead.beatsPerFrame()
                    && nextBoundaryFrame < frames) {
                long shift = boundary(cycle, frames);
                if (shift > 0) {
                    cycle += shift;
                    remaining = 0;
                    for (int s = 0; s < sinkLeft.length; s++) {
                        remaining += sToSink[s] ? sinkLeft[s] : 0;
                    }
                }
            }
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
                long[] data = comps[p].outData(sOut[s]);
                long[] buf = sBuf[s];
                if (buf.length == 1) {
                    buf[0] = data[0];
                } else {
                    System.arraycopy(data, 0, buf, 0, buf.length);
                }
                accepted[c][sIn[s]] = buf;
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
                if (sToSink[s] && sinkLeft[s] > 0) {
                    sinkLeft[s]--;
                    remaining--;
                }
            }
            if (nFired > 0) {
                lastFire = cycle;
            }
            for (int k = 0; k < clocked; k++) {
                // a component's registered outputs depend on its own state only: sample right after its clock
                int i = toClock[k];
                if (endpoint[i]) {
                    setNow(comps[i], cycle);
                }
                comps[i].clock(accepted[i], taken[i]);
                touched[i] = false;
                sample(i, cycle + 1);
                long held = inBeats[i] - outBeats[i];
                if (held > highWater[i]) {
                    highWater[i] = held;
                }
            }
            for (int k = 0; k < nFired; k++) {
                int s = fired[k];
                accepted[sCons[s]][sIn[s]] = null;
                taken[sProd[s]][sOut[s]] = false;
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
        return new SimResult(cycle, frames(), stats(), wall, cpu, jump);
    }

    /**
     * At the start of frame {@code nextBoundaryFrame} of source 0 (the registered state at the
     * start of {@code cycle}): records the control state and, when an earlier frame had the same,
     * jumps over as many whole periods as leave the last frame to simulate. Returns the cycles jumped.
     */
    private long boundary(long cycle, int frames) {
        int f = nextBoundaryFrame++;
        int[] offsets = new int[sources.size()];
        int[] taken = new int[sources.size()];
        for (int k = 0; k < sources.size(); k++) {
            SourceDriver d = sources.get(k);
            taken[k] = d.beatsTaken();
            offsets[k] = taken[k] - f * d.beatsPerFrame();
        }
        int[] received = new int[sinks.size()];
        for (int k = 0; k < sinks.size(); k++) {
            received[k] = sinks.get(k).received();
        }
        long[] stalledNow = stalled.clone();
        long[] starvedNow = starved.clone();
        for (int i = 0; i < comps.length; i++) {
            if (stalledPorts[i] > 0) {
                stalledNow[i] += cycle - stalledSince[i];
            }
            if (starvedPorts[i] > 0) {
                starvedNow[i] += cycle - starvedSince[i];
            }
        }
        FastForward.Boundary now = new FastForward.Boundary(f, cycle, inBeats.clone(), outBeats.clone(), stalledNow,
                starvedNow, taken, received);
        FastForward.Boundary prev = fastForward.record(now, offsets);
        if (prev == null) {
            return 0;
        }
        int period = f - prev.frame();
        if ((now.cycle() - prev.cycle()) / period < options.fastForwardMinCycles()) {
            fastForward.stop(); // frames this short simulate faster than their values compute
            return 0;
        }
        int times = (frames - 1 - f) / period;
        if (times < 1 || !wholeFrames(prev, now, period)) {
            return 0;
        }
        return jump(prev, now, times);
    }

    /** Whether every source took, and every sink received, exactly {@code period} frames between the two boundaries. */
    private boolean wholeFrames(FastForward.Boundary prev, FastForward.Boundary now, int period) {
        for (int k = 0; k < sources.size(); k++) {
            if (now.sourceTaken()[k] - prev.sourceTaken()[k] != period * sources.get(k).beatsPerFrame()) {
                return false;
            }
        }
        for (int k = 0; k < sinks.size(); k++) {
            if (now.sinkReceived()[k] - prev.sinkReceived()[k] != period * sinks.get(k).beatsPerFrame()) {
                return false;
            }
        }
        return true;
    }

    /** Repeats the period between the two boundaries {@code times} times: beat cycles, statistics, clocks. */
    private long jump(FastForward.Boundary prev, FastForward.Boundary now, int times) {
        long period = now.cycle() - prev.cycle();
        long shift = period * times;
        for (int k = 0; k < sources.size(); k++) {
            sources.get(k).repeat(now.sourceTaken()[k] - prev.sourceTaken()[k], times, period);
        }
        List<Integer> stale = new ArrayList<>();
        for (int k = 0; k < sinks.size(); k++) {
            stale.add(now.sinkReceived()[k]);
            sinks.get(k).repeat(now.sinkReceived()[k] - prev.sinkReceived()[k], times, period);
        }
        for (int s = 0; s < sinkLeft.length; s++) {
            if (sToSink[s]) {
                SinkMonitor m = (SinkMonitor) comps[sCons[s]];
                sinkLeft[s] = m.expected() - m.received();
            }
        }
        for (int i = 0; i < comps.length; i++) {
            inBeats[i] += times * (now.inBeats()[i] - prev.inBeats()[i]);
            outBeats[i] += times * (now.outBeats()[i] - prev.outBeats()[i]);
            stalled[i] += times * (now.stalled()[i] - prev.stalled()[i]);
            starved[i] += times * (now.starved()[i] - prev.starved()[i]);
            stalledSince[i] += shift;
            starvedSince[i] += shift;
            if (lastIn[i] >= prev.cycle()) {
                lastIn[i] += shift;
            }
            if (lastOut[i] >= prev.cycle()) {
                lastOut[i] += shift;
            }
        }
        lastFire += shift;
        int period0 = now.frame() - prev.frame();
        nextBoundaryFrame += times * period0;
        fastForward.stop();
        jump = new FastForwardJump(now.frame(), period0, period, times * period0, stale);
        return shift;
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
            if (comps[i] instanceof SinkMonitor k && k.extra() > 0) {
                throw new NncException("sink '" + netlist.nodes().get(i).name() + "' received " + k.extra()
                        + " beats more than the " + k.expected() + " its frames hold");
            }
        }
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
