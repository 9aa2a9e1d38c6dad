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
 * before its first beat reaches the join, {@link BranchDemand}'s bound per primitive (e.g. a
 * sliding window may need a whole frame, so the skip FIFO of a 3×3 convolution holds a frame),
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
    /** No options. */
    public record Options() {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("size-fifos",
            "deepen the FIFOs in front of every residual join so that the fork and the join cannot deadlock",
            Options.class, new Options(), Set.of(IrStage.HW), null, SizeFifosPass::new);

    public SizeFifosPass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        boolean changed = false;
        for (FuncOp f : module.functions()) {
            changed |= size(f.body(), context);
        }
        return changed;
    }

    private static boolean size(Block block, PassContext context) {
        List<Operation> ops = List.copyOf(block.operations());
        BranchDemand demand = new BranchDemand(ops);
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
                    if (demand.descends(join.operand(0), r0) && demand.descends(join.operand(1), r1)) {
                        long n0 = demand.needed(join.operand(0), lanes(join.operand(0)), r0);
                        long n1 = demand.needed(join.operand(1), lanes(join.operand(1)), r1);
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
