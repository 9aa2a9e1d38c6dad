package dev.nnc.sim.fifo;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.sim.ComponentRegistry;
import dev.nnc.sim.CycleEngine;
import dev.nnc.sim.HostSimulation;
import dev.nnc.sim.HwDesign;
import dev.nnc.sim.HwRun;
import dev.nnc.sim.engine.NodeStats;
import dev.nnc.sim.engine.SimOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shrinks every {@code hw.fifo} of a design to what the cycle simulator shows it holds, without
 * changing a single cycle of the design's schedule.
 *
 * <p>{@code size-fifos} sizes the skip FIFO of a residual from an analytic bound that is safe but
 * can be many times what the design uses. The timing of the primitives does not depend on data,
 * so a few frames of zeros show each FIFO's high-water mark h exactly, and a FIFO of depth h + 1
 * raises {@code in_ready} in every state the run reaches, as the deeper one did: the schedule is
 * the same. Which runs to simulate: once the control state repeats (frame f repeats frame
 * f − d, see {@code FastForward}), a run of any length behaves like one of 1 .. f + d frames, so
 * those runs cover every run. The trimmed design is simulated again for the same frame counts and
 * must give the same cycles for every frame; otherwise (or when no repeat is found) the depths
 * stay as they were.
 */
public final class MeasuredFifoDepths {
    /** The frames simulated to find the periodic state. */
    private static final int PROBE_FRAMES = 8;
    /** The least depth a FIFO keeps (the RTL's 2-entry minimum for full throughput). */
    private static final long MIN_DEPTH = 2;

    /**
     * One FIFO's change.
     *
     * @param name      the FIFO's instance name
     * @param before    its depth before
     * @param after     its depth after (equal when kept)
     * @param highWater the most beats it held in any run
     */
    public record Change(String name, long before, long after, long highWater) {
    }

    /**
     * The outcome.
     *
     * @param applied  whether the depths were changed
     * @param frames   the runs covered 1 .. frames frames (0: no FIFO was deeper than the minimum, nothing simulated)
     * @param changes  every FIFO, in design order
     * @param reason   why the depths were kept, or null
     */
    public record Result(boolean applied, int frames, List<Change> changes, String reason) {
    }

    private MeasuredFifoDepths() {
    }

    /** Trims the FIFOs of {@code module} (a hw-level module) in place when it is exact to do so. */
    public static Result trim(ModuleOp module) {
        HwDesign design = HwDesign.of(module);
        boolean deeper = false;
        for (Operation op : design.primitives()) {
            deeper |= op.name().equals("hw.fifo") && depth(op) > MIN_DEPTH;
        }
        if (!deeper) {
            return new Result(true, 0, List.of(), null); // nothing to trim: no simulation
        }
        HostSimulation host = new HostSimulation(design);
        // the jump tells which runs cover every run: find it whatever the frames' length
        CycleEngine engine = new CycleEngine(ComponentRegistry.standard(), SimOptions.DEFAULT.withFastForwardAlways());
        HwRun probe = host.run(engine, zeros(design.function(), PROBE_FRAMES)).run();
        if (probe.jump() == null) {
            return new Result(false, PROBE_FRAMES, List.of(), "the control state did not repeat within " + PROBE_FRAMES + " frames");
        }
        int cover = probe.jump().fromFrame() + probe.jump().periodFrames();
        Map<String, Long> highWater = new HashMap<>();
        List<HwRun> before = new ArrayList<>();
        for (int n = 1; n <= cover; n++) {
            HwRun r = host.run(engine, zeros(design.function(), n)).run();
            before.add(r);
            for (NodeStats s : r.nodes()) {
                highWater.merge(s.name(), s.highWater(), Math::max);
            }
        }
        Map<Operation, Long> old = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < design.primitives().size(); i++) {
            Operation op = design.primitives().get(i);
            if (!op.name().equals("hw.fifo")) {
                continue;
            }
            String name = design.instanceName(i);
            long depth = depth(op);
            long used = highWater.getOrDefault(name, depth);
            long trimmed = Math.min(depth, Math.max(MIN_DEPTH, used + 1));
            old.put(op, depth);
            changes.add(new Change(name, depth, trimmed, used));
            op.setProperty(HwDialect.DEPTH, new Attribute.IntAttr(trimmed));
        }
        for (int n = 1; n <= cover; n++) {
            HwRun after = host.run(engine, zeros(design.function(), n)).run();
            HwRun was = before.get(n - 1);
            if (after.cycles() != was.cycles() || !after.frames().equals(was.frames())) {
                old.forEach((op, depth) -> op.setProperty(HwDialect.DEPTH, new Attribute.IntAttr(depth)));
                return new Result(false, cover, kept(changes), "the trimmed design's schedule differed with " + n + " frames");
            }
        }
        return new Result(true, cover, changes, null);
    }

    private static long depth(Operation fifo) {
        return fifo.property(HwDialect.DEPTH) instanceof Attribute.IntAttr d ? d.value() : MIN_DEPTH;
    }

    private static List<Change> kept(List<Change> changes) {
        List<Change> out = new ArrayList<>();
        for (Change c : changes) {
            out.add(new Change(c.name(), c.before(), c.before(), c.highWater()));
        }
        return out;
    }

    /** {@code n} frames of zeros for every input (the schedule does not depend on the values). */
    private static List<Map<String, Tensor>> zeros(FuncOp f, int n) {
        Map<String, Tensor> frame = new LinkedHashMap<>();
        for (int i = 0; i < f.arguments().size(); i++) {
            TensorType t = (TensorType) f.arguments().get(i).type();
            int[] shape = t.dims().stream().mapToInt(d -> (int) ((Dim.Known) d).size()).toArray();
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            frame.put(f.inputNames().get(i), t.elementType() instanceof FloatType
                    ? Tensor.ofDoubles(t.elementType(), shape, new double[size])
                    : Tensor.ofLongs(t.elementType(), shape, new long[size]));
        }
        List<Map<String, Tensor>> frames = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            frames.add(frame);
        }
        return frames;
    }
}
