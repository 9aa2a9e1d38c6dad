package dev.nnc.passes.hw;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.TensorType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many elements a stream upstream must have delivered before {@code n} elements can appear on
 * a stream downstream: an upper bound per primitive, true of any implementation that follows the
 * op's meaning, composed backwards along a branch. Counts are rounded up to whole beats at every
 * stream. Per primitive, to emit its first n output elements a primitive needs at most:
 * <ul>
 * <li>{@code hw.swg}: the input rows that the window row of output n needs, 0..oh·sh − pt +
 *     (kh−1)·dh (nnc_swg reads a window row as soon as they are written), and the whole frame
 *     for the frame's last window;</li>
 * <li>{@code hw.mvau}: ⌈n / MH⌉ input vectors of MW (every output of a vector needs all of it);</li>
 * <li>{@code hw.pool}: ⌈n / C⌉ windows of KK·C (the last dim of in_shape);</li>
 * <li>{@code hw.softmax}: ⌈n / N⌉ vectors of N (the maximum needs the whole vector);</li>
 * <li>{@code hw.add}: n on each operand; {@code hw.fifo}, {@code hw.fork}, {@code hw.dwc}: n
 *     (their own storage only delays, it never holds back an output that can go);</li>
 * <li>anything else: ⌈n / out frame⌉ input frames.</li>
 * </ul>
 */
final class BranchDemand {
    private final List<Operation> ops;
    private final boolean slack;
    /** Stream value → the fork outputs it descends from (itself included when it is one). */
    private final Map<Value, Set<Value>> forkAncestors = new IdentityHashMap<>();

    /**
     * Over the ops of one block, in block (topological) order. With {@code slack}, every primitive
     * may also hold its next granule (window row, vector) while it passes the current one on: the
     * demand of a pipeline running at full rate rather than the least that avoids a deadlock.
     */
    BranchDemand(List<Operation> ops, boolean slack) {
        this.ops = List.copyOf(ops);
        this.slack = slack;
        for (Operation op : this.ops) {
            Set<Value> anc = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Value in : op.operands()) {
                anc.addAll(forkAncestors.getOrDefault(in, Set.of()));
            }
            for (Value r : op.results()) {
                if (!(r.type() instanceof StreamType)) {
                    continue;
                }
                Set<Value> mine = anc;
                if (op.name().equals(HwDialect.FORK)) {
                    mine = Collections.newSetFromMap(new IdentityHashMap<>());
                    mine.addAll(anc);
                    mine.add(r);
                }
                forkAncestors.put(r, mine);
            }
        }
    }

    /** True when {@code v} is the fork output {@code target} or is computed from it. */
    boolean descends(Value v, Value target) {
        return forkAncestors.getOrDefault(v, Set.of()).contains(target);
    }

    /**
     * Elements that must have passed {@code target} (a fork output) for {@code n} elements to appear
     * on {@code v}, or -1 when {@code v} does not descend from {@code target}. Demands flow backwards
     * in reverse block order, and where paths meet the larger demand wins (every bound is monotone),
     * so the walk is linear however the branches nest.
     */
    long needed(Value v, long n, Value target) {
        if (!descends(v, target)) {
            return -1;
        }
        Map<Value, Long> demand = new IdentityHashMap<>();
        demand.put(v, wholeBeats(v, n));
        for (int i = ops.indexOf(v.definingOp()); i >= 0; i--) {
            Operation op = ops.get(i);
            long d = -1;
            for (Value r : op.results()) {
                d = Math.max(d, demand.getOrDefault(r, -1L));
            }
            if (d < 0 || demand.containsKey(target) && op == target.definingOp()) {
                continue;
            }
            long m = inputsFor(op, slack ? d + granule(op) : d);
            for (Value in : op.operands()) {
                if (descends(in, target)) {
                    demand.merge(in, wholeBeats(in, m), Math::max);
                }
            }
        }
        return demand.getOrDefault(target, -1L);
    }

    private static long inputsFor(Operation op, long n) {
        switch (op.name()) {
            case HwDialect.FIFO:
            case HwDialect.FORK:
            case HwDialect.DWC:
            case HwDialect.ADD:
                return n;
            case HwDialect.MVAU:
                return groups(n, last(op, HwDialect.OUT_SHAPE)) * last(op, HwDialect.IN_SHAPE);
            case HwDialect.POOL:
                return groups(n, last(op, HwDialect.OUT_SHAPE)) * last(op, HwDialect.IN_SHAPE);
            case HwDialect.SOFTMAX:
                return groups(n, last(op, HwDialect.IN_SHAPE)) * last(op, HwDialect.IN_SHAPE);
            case HwDialect.SWG:
                return windowRows(op, n);
            default:
                return groups(n, count(op, HwDialect.OUT_SHAPE)) * count(op, HwDialect.IN_SHAPE);
        }
    }

    /** Output elements a primitive finishes as one piece: a window row, a vector, a pixel. */
    private static long granule(Operation op) {
        switch (op.name()) {
            case HwDialect.SWG: {
                long[] out = ints(op, HwDialect.OUT_SHAPE);
                return out.length == 3 ? out[1] * out[2] : count(op, HwDialect.OUT_SHAPE);
            }
            case HwDialect.MVAU:
            case HwDialect.POOL:
            case HwDialect.SOFTMAX:
                return last(op, HwDialect.OUT_SHAPE);
            default:
                return 0;
        }
    }

    /**
     * The sliding window reads output row oh once input rows 0..oh·sh − pt + (kh−1)·dh are written
     * (nnc_swg's early reads); the frame's last window waits for the whole frame.
     */
    private static long windowRows(Operation op, long n) {
        long[] in = ints(op, HwDialect.IN_SHAPE);
        long[] out = ints(op, HwDialect.OUT_SHAPE);
        long inFrame = count(op, HwDialect.IN_SHAPE);
        long outFrame = count(op, HwDialect.OUT_SHAPE);
        long[] k = ints(op, "kernel_shape");
        long[] st = op.property("strides") == null ? new long[] {1, 1} : ints(op, "strides");
        long[] pads = op.property("pads") == null ? new long[4] : ints(op, "pads");
        long[] dil = op.property("dilations") == null ? new long[] {1, 1} : ints(op, "dilations");
        if (in.length != 3 || out.length != 3 || k.length != 2 || st.length != 2 || pads.length != 4 || dil.length != 2) {
            return groups(n, outFrame) * inFrame; // malformed: the whole-frame bound still holds
        }
        long frames = (n - 1) / outFrame;
        long within = n - frames * outFrame;
        if (within == outFrame) {
            return (frames + 1) * inFrame;
        }
        long oh = (within - 1) / (out[1] * out[2]);
        long rows = Math.min(in[0], Math.max(0, oh * st[0] - pads[0] + (k[0] - 1) * dil[0] + 1));
        return frames * inFrame + rows * in[1] * in[2];
    }

    /** Elements in one frame of stream {@code v}: the shape of the op that first wrote it. */
    static long frame(Value v) {
        Operation op = v.definingOp();
        if (op == null) {
            return 1;
        }
        if (op.name().equals(HwDialect.SOURCE)) {
            return op.operand(0).type() instanceof TensorType t && t.isStatic() ? t.elementCount() : 1;
        }
        if (op.property(HwDialect.OUT_SHAPE) != null) {
            return count(op, HwDialect.OUT_SHAPE);
        }
        return op.numOperands() > 0 ? frame(op.operand(0)) : 1;
    }

    static long wholeBeats(Value v, long n) {
        long lanes = v.type() instanceof StreamType s ? s.lanes() : 1;
        return groups(n, lanes) * lanes;
    }

    static long groups(long n, long size) {
        return size <= 0 ? n : (n + size - 1) / size;
    }

    private static long last(Operation op, String shape) {
        long[] s = ints(op, shape);
        return s.length == 0 ? 1 : s[s.length - 1];
    }

    private static long count(Operation op, String shape) {
        long n = 1;
        for (long d : ints(op, shape)) {
            n *= d;
        }
        return n;
    }

    private static long[] ints(Operation op, String name) {
        if (!(op.property(name) instanceof Attribute.ArrayAttr a)) {
            return new long[0];
        }
        return a.values().stream().mapToLong(x -> x instanceof Attribute.IntAttr i ? i.value() : 1).toArray();
    }
}
