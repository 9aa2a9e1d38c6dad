package dev.nnc.sim;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.sim.engine.SimOptions;
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
        List<List<Tensor>> outs = new ArrayList<>();
        List<SinkTrace> traces = new ArrayList<>();
        for (int i = 0; i < hw.monitors().size(); i++) {
            outs.add(hw.outputs(i));
            traces.add(trace(design.sinkName(design.sinks().get(i)), hw.monitors().get(i)));
        }
        return new HwRun(outs, traces, r.cycles(), r.frames(), r.nodes(), built - start, r.wallNanos(), r.cpuNanos());
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
