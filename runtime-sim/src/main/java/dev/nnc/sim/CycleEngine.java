package dev.nnc.sim;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.sim.engine.SimOptions;
import dev.nnc.sim.engine.FastForwardJump;
import dev.nnc.sim.engine.SimResult;
import dev.nnc.sim.engine.SinkMonitor;
import dev.nnc.sim.engine.Simulator;
import java.util.ArrayList;
import java.util.List;

/** The cycle simulator as an engine: builds the {@link HwNetlist} and runs it. */
public final class CycleEngine implements HwEngine {
    private final ComponentRegistry registry;
    private final SimOptions options;

    public CycleEngine(ComponentRegistry registry, SimOptions options) {
        this.registry = registry;
        this.options = options;
    }

    public CycleEngine() {
        this(ComponentRegistry.standard(), SimOptions.DEFAULT);
    }

    @Override
    public String name() {
        return "cycle";
    }

    @Override
    public HwRun run(HwDesign design, List<List<Tensor>> sourceFrames) {
        long start = System.nanoTime();
        HwNetlist hw = HwNetlist.build(design, registry, sourceFrames);
        long built = System.nanoTime();
        SimResult r = new Simulator(hw.netlist(), options).run();
        long fillWall = 0;
        long fillCpu = 0;
        if (r.jump() != null) {
            // computing the skipped frames' values is part of the run: timed with it
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
            long wall0 = System.nanoTime();
            fillStale(design, hw, sourceFrames, r.jump());
            fillWall = System.nanoTime() - wall0;
            fillCpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() - cpu0 : fillWall;
        }
        List<List<Tensor>> outs = new ArrayList<>();
        List<SinkTrace> traces = new ArrayList<>();
        for (int i = 0; i < hw.monitors().size(); i++) {
            outs.add(hw.outputs(i));
            traces.add(trace(design.sinkName(design.sinks().get(i)), hw.monitors().get(i)));
        }
        return new HwRun(outs, traces, r.cycles(), r.frames(), r.nodes(), built - start, r.wallNanos() + fillWall,
                r.cpuNanos() < 0 ? -1 : r.cpuNanos() + fillCpu, r.jump());
    }

    /**
     * After a fast-forward jump the sinks' beats from {@link FastForwardJump#firstStaleBeat} on
     * have the right cycles but no computed values: takes those frames' values from the kernel
     * semantics of the design ({@link KernelReference#hardware}).
     */
    private static void fillStale(HwDesign design, HwNetlist hw, List<List<Tensor>> sourceFrames, FastForwardJump jump) {
        int frames = sourceFrames.get(0).size();
        int first = frames;
        for (int i = 0; i < hw.monitors().size(); i++) {
            first = Math.min(first, jump.firstStaleBeat().get(i) / hw.monitors().get(i).beatsPerFrame());
        }
        for (int f = first; f < frames; f++) {
            List<Tensor> sources = new ArrayList<>();
            for (List<Tensor> s : sourceFrames) {
                sources.add(s.get(f));
            }
            List<Tensor> sinks = KernelReference.hardware(design, sources);
            for (int i = 0; i < sinks.size(); i++) {
                hw.overwrite(i, f, sinks.get(i), jump.firstStaleBeat().get(i));
            }
        }
    }

    private static SinkTrace trace(String name, SinkMonitor m) {
        long[] cycles = new long[m.received()];
        long[][] beats = new long[m.received()][];
        for (int i = 0; i < cycles.length; i++) {
            cycles[i] = m.cycle(i);
            beats[i] = m.beat(i).clone();
        }
        return new SinkTrace(name, cycles, beats);
    }
}
