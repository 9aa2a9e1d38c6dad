package dev.nnc.sim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.sim.engine.Netlist;
import dev.nnc.sim.engine.SinkMonitor;
import dev.nnc.sim.engine.SourceDriver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's netlist of a {@link HwDesign}: one cycle model per primitive, a
 * {@link SourceDriver} per {@code hw.source} loaded with the beats of every frame (through the
 * source's perm), a {@link SinkMonitor} per {@code hw.sink}, and one stream per SSA stream value.
 */
public final class HwNetlist {
    private final Netlist netlist;
    private final List<SourceDriver> drivers;
    private final List<SinkMonitor> monitors;
    private final List<StreamLayout> sinkLayouts;
    private final List<ElementType> sinkTypes;

    private HwNetlist(Netlist netlist, List<SourceDriver> drivers, List<SinkMonitor> monitors,
                      List<StreamLayout> sinkLayouts, List<ElementType> sinkTypes) {
        this.netlist = netlist;
        this.drivers = drivers;
        this.monitors = monitors;
        this.sinkLayouts = sinkLayouts;
        this.sinkTypes = sinkTypes;
    }

    /**
     * Builds the netlist. {@code sourceFrames.get(i)} holds the frames (tensors of the source's
     * operand type) for {@code design.sources().get(i)}; every source gets the same number.
     */
    public static HwNetlist build(HwDesign design, ComponentRegistry registry, List<List<Tensor>> sourceFrames) {
        int frames = sourceFrames.get(0).size();
        Netlist.Builder b = Netlist.builder();
        Map<Operation, Integer> node = new LinkedHashMap<>(); // Operation has identity equality; insertion order keeps reports deterministic
        List<SourceDriver> drivers = new ArrayList<>();
        for (int i = 0; i < design.sources().size(); i++) {
            Operation src = design.sources().get(i);
            List<Tensor> given = sourceFrames.get(i);
            if (given.size() != frames) {
                throw new NncException("every input needs the same number of frames: " + given.size() + " vs " + frames);
            }
            StreamLayout layout = StreamLayout.ofSource(HwDesign.staticShape(src.operand(0).type(), src),
                    HwDesign.perm(src), HwDesign.stream(src.result(0), src).lanes());
            long[][] beats = new long[layout.beatsPerFrame() * frames][];
            for (int f = 0; f < frames; f++) {
                layout.toBeats(given.get(f), beats, f * layout.beatsPerFrame());
            }
            SourceDriver d = new SourceDriver(beats, layout.beatsPerFrame());
            drivers.add(d);
            node.put(src, b.add(design.sourceName(src), src.name(), d));
        }
        for (int i = 0; i < design.primitives().size(); i++) {
            Operation op = design.primitives().get(i);
            node.put(op, b.add(design.instanceName(i), op.name(), registry.create(op)));
        }
        List<SinkMonitor> monitors = new ArrayList<>();
        List<StreamLayout> layouts = new ArrayList<>();
        List<ElementType> types = new ArrayList<>();
        for (Operation sink : design.sinks()) {
            StreamLayout layout = StreamLayout.ofSink(HwDesign.staticShape(sink.result(0).type(), sink),
                    HwDesign.perm(sink), HwDesign.stream(sink.operand(0), sink).lanes());
            SinkMonitor m = new SinkMonitor(layout.lanes(), layout.beatsPerFrame(), frames);
            monitors.add(m);
            layouts.add(layout);
            types.add(HwDesign.elementType(sink.result(0).type()));
            node.put(sink, b.add(design.sinkName(sink), sink.name(), m));
        }
        for (Map.Entry<Operation, Integer> e : node.entrySet()) {
            Operation op = e.getKey();
            if (op.name().equals("hw.sink")) {
                continue;
            }
            for (Value r : op.results()) {
                if (r.uses().size() != 1) {
                    throw new NncException(op.location(), op.name() + " result %" + r.nameHint() + " has "
                            + r.uses().size() + " users; a stream has exactly one (fan-out is hw.fork)");
                }
                Value.Use use = r.uses().get(0);
                Integer consumer = node.get(use.user());
                if (consumer == null) {
                    throw new NncException(use.user().location(), use.user().name() + " reads a stream; only hw ops may");
                }
                b.connect(e.getValue(), r.index(), consumer, use.operandIndex(), HwDesign.stream(r, op).lanes());
            }
        }
        return new HwNetlist(b.build(), drivers, monitors, layouts, types);
    }

    public Netlist netlist() {
        return netlist;
    }

    public List<SourceDriver> drivers() {
        return drivers;
    }

    public List<SinkMonitor> monitors() {
        return monitors;
    }

    /** The frames received by sink {@code i}, as tensors of the sink's result type. */
    public List<Tensor> outputs(int i) {
        SinkMonitor m = monitors.get(i);
        StreamLayout layout = sinkLayouts.get(i);
        List<Tensor> out = new ArrayList<>();
        for (int f = 0; f * layout.beatsPerFrame() < m.received(); f++) {
            out.add(layout.toTensor(sinkTypes.get(i), m::beat, f * layout.beatsPerFrame()));
        }
        return out;
    }

    /**
     * Replaces the beats of frame {@code frame} of sink {@code i} from beat index {@code fromBeat}
     * on with those of {@code tensor} (the reference's frame, after a fast-forward jump).
     */
    public void overwrite(int i, int frame, Tensor tensor, int fromBeat) {
        StreamLayout layout = sinkLayouts.get(i);
        int first = frame * layout.beatsPerFrame();
        long[][] beats = new long[layout.beatsPerFrame()][];
        layout.toBeats(tensor, beats, 0);
        for (int b = Math.max(fromBeat, first); b < first + beats.length; b++) {
            monitors.get(i).overwrite(b, beats[b - first]);
        }
    }
}
