package dev.nnc.passes.hw;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.type.StreamType;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code size-fifos}: makes every fork/join pair (a residual: {@code hw.fork} whose two outputs
 * meet again at a {@code hw.add}) deadlock-free. A fork emits a beat only when both branches take
 * it, and the join consumes only when both operands have one; so while the long branch works
 * towards its first output, every beat the fork emits piles up on the short branch. The FIFO in
 * front of the join on each branch is deepened (or inserted) to hold what the other branch needs
 * before its first beat reaches the join, {@link BranchDemand}'s bound per primitive (e.g. a 3×3
 * sliding window needs the rows of its window row, so the skip FIFO of a 3×3 convolution holds
 * about two rows more than the join has taken; the frame's last window needs the whole frame),
 * scaled to the FIFO's stream by the frames' element counts, in beats, plus one beat of margin
 * (the bounds are staircases, so a later beat may lag by up to one more). Both sides are sized:
 * the bound is an upper one, and a branch may pass beats on as soon as it gets them, so a side
 * cannot count on the other being slow; the long side's FIFO thus only grows to about the short
 * side's one or two beats.
 * <pre>
 * before: %f0, %f1 = "hw.fork"(%s)   ... swg, fifo, mvau on %f0 ...   %a = "hw.add"(%fifo, %f1)
 * after:  %skip = "hw.fifo"(%f1) &lt;{depth = 17}&gt;                      %a = "hw.add"(%fifo, %skip)
 * </pre>
 * Depths only grow, so the pass is idempotent; other FIFOs keep their depth.
 */
public final class SizeFifosPass extends BasePass<SizeFifosPass.Options> {
    /**
     * @param fullRate also let every primitive on the long branch hold its next granule (window
     *                 row, vector), so that in steady state the fork never waits for the long
     *                 branch; without it, the least depth that cannot deadlock (the fork may
     *                 then stall and the design run below its initiation interval)
     */
    public record Options(boolean fullRate) {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("size-fifos",
            "deepen the FIFOs in front of every residual join so that the fork and the join cannot deadlock",
            Options.class, new Options(true), Set.of(IrStage.HW), null, SizeFifosPass::new);

    public SizeFifosPass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        boolean changed = false;
        for (FuncOp f : module.functions()) {
            changed |= size(f.body(), options().fullRate(), context);
        }
        return changed;
    }

    private static boolean size(Block block, boolean fullRate, PassContext context) {
        List<Operation> ops = List.copyOf(block.operations());
        BranchDemand demand = new BranchDemand(ops, fullRate);
        // all requirements first, from one analysis of the unchanged netlist; then the edits
        Map<Value, Long> depths = new LinkedHashMap<>();
        for (Operation join : ops) {
            if (!join.name().equals(HwDialect.ADD)) {
                continue;
            }
            for (Operation fork : ops) {
                if (!fork.name().equals(HwDialect.FORK)) {
                    continue;
                }
                for (int i = 0; i < 2; i++) {
                    Value r0 = fork.result(i);
                    Value r1 = fork.result(1 - i);
                    if (pairs(demand, join, r0, r1)) {
                        long n0 = lag(demand, join, 0, r0);
                        long n1 = lag(demand, join, 1, r1);
                        // each side holds what the other needs before its first beat: n1 is an upper
                        // bound, and side 0 may pass its beats on at once (no lower bound is assumed)
                        depths.merge(join.operand(0), depth(join.operand(0), n1, r1), Math::max);
                        depths.merge(join.operand(1), depth(join.operand(1), n0, r0), Math::max);
                    }
                }
            }
        }
        boolean changed = false;
        for (Map.Entry<Value, Long> e : depths.entrySet()) {
            changed |= hold(block, e.getKey(), e.getValue(), context);
        }
        return changed;
    }

    /**
     * True when the join's operand 0 comes from fork output {@code r0} only and operand 1 from
     * {@code r1} only: the fork whose two branches this join closes. An earlier fork, whose
     * branches met before, feeds both operands through both outputs and is not this join's pair
     * (residual networks are series-parallel: every join closes exactly one fork).
     */
    private static boolean pairs(BranchDemand demand, Operation join, Value r0, Value r1) {
        Value a = join.operand(0);
        Value b = join.operand(1);
        return demand.descends(a, r0) && !demand.descends(a, r1) && demand.descends(b, r1) && !demand.descends(b, r0);
    }

    /**
     * What side {@code k} of the join may owe the other, in elements of the fork's stream: the
     * most, over join positions J, that it needs in front of the fork for its element J + 1 beyond
     * the J·(fork frame / join frame) the other side has already passed on. Sampled at the first
     * beat, the first beats of the next rows (the bounds step by rows and vectors), the frame's last
     * beat and the next frame's first.
     */
    private static long lag(BranchDemand demand, Operation join, int k, Value forkOut) {
        Value in = join.operand(k);
        long beat = lanes(in);
        long joinFrame = BranchDemand.frame(in);
        long forkFrame = BranchDemand.frame(forkOut);
        long row = rowElements(join, joinFrame);
        List<Long> positions = new ArrayList<>(List.of(0L, joinFrame - beat, joinFrame));
        for (long r = 1; r <= 8 && r * row < joinFrame; r++) {
            positions.add(r * row);
        }
        long most = 0;
        for (long j : positions) {
            long need = demand.needed(in, j + beat, forkOut);
            most = Math.max(most, need - j * forkFrame / joinFrame);
        }
        return most;
    }

    /** Elements in one row of the join's frame (all dims after the first), or the whole frame. */
    private static long rowElements(Operation join, long joinFrame) {
        if (!(join.property(HwDialect.IN_SHAPE) instanceof Attribute.ArrayAttr a) || a.values().size() < 2) {
            return joinFrame;
        }
        long n = 1;
        for (Attribute d : a.values().subList(1, a.values().size())) {
            n *= d instanceof Attribute.IntAttr i ? i.value() : 1;
        }
        return n;
    }

    /** Beats of {@code in}'s stream that hold {@code forkElements} elements of the fork's stream, plus one. */
    private static long depth(Value in, long forkElements, Value forkOut) {
        long elements = Math.max(1, ceilDiv(forkElements * BranchDemand.frame(in), BranchDemand.frame(forkOut)));
        return ceilDiv(elements, lanes(in)) + 1;
    }

    /** Makes the FIFO that feeds the join through {@code in} at least {@code depth} deep, inserting one if none. */
    private static boolean hold(Block block, Value in, long depth, PassContext context) {
        Operation fifo = in.definingOp();
        if (fifo != null && fifo.name().equals(HwDialect.FIFO)) {
            long have = fifo.property(HwDialect.DEPTH) instanceof Attribute.IntAttr d ? d.value() : 2;
            if (depth <= have) {
                return false;
            }
            fifo.setProperty(HwDialect.DEPTH, new Attribute.IntAttr(depth));
            context.count("deepened", 1);
            return true;
        }
        Value.Use use = in.uses().get(0);
        Operation join = use.user();
        String label = StreamPlumbing.portName(join, use.operandIndex()) + "_fifo";
        Operation op = Operation.create(HwDialect.FIFO, List.of(in), List.of(in.type()),
                Map.of(HwDialect.DEPTH, new Attribute.IntAttr(Math.max(depth, StreamPlumbing.DEFAULT_DEPTH))),
                Location.named(label));
        op.result(0).setNameHint(label);
        block.insertBefore(join, op);
        join.setOperand(use.operandIndex(), op.result(0));
        context.count("inserted", 1);
        return true;
    }

    private static long lanes(Value v) {
        return ((StreamType) v.type()).lanes();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
