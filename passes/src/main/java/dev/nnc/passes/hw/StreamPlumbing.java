package dev.nnc.passes.hw;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.type.StreamType;
import dev.nnc.passes.PassContext;
import java.util.List;
import java.util.Map;

/**
 * The wiring half of {@code lower-hw}: after it every stream has exactly one reader and carries
 * the lanes its reader takes. For each reader of a stream, in order, the path is
 * <pre>
 * producer ─ hw.fork (one per extra reader) ─ hw.dwc (if lanes differ) ─ hw.fifo (depth 2, if both ends compute) ─ reader
 * </pre>
 * A width converter goes through the greatest common divisor when neither lane count divides the
 * other (two converters). Plumbing ops are named after the reader's port they serve
 * ({@code conv1_mvau_in0_fifo}), forks after the stream they split.
 */
final class StreamPlumbing {
    static final int DEFAULT_DEPTH = 2;

    private final Block block;
    private final PassContext context;

    StreamPlumbing(Block block, PassContext context) {
        this.block = block;
        this.context = context;
    }

    void run(List<Operation> producers) {
        for (Operation p : producers) {
            for (Value s : p.results()) {
                if (s.type() instanceof StreamType) {
                    wire(s);
                }
            }
        }
    }

    /** Gives each reader of {@code s} its own stream through forks, converters and FIFOs. */
    private void wire(Value s) {
        List<Value.Use> readers = List.copyOf(s.uses());
        if (readers.isEmpty()) {
            throw context.error(s.definingOp(), "lower-hw: the stream of " + s.definingOp().name() + " is never read");
        }
        boolean fromCompute = HwDialect.COMPUTE.contains(s.definingOp().name());
        Value rest = s;
        for (int i = 0; i < readers.size(); i++) {
            Value.Use use = readers.get(i);
            Value mine = rest;
            if (i < readers.size() - 1) {
                // the fork goes right after the producer (or the previous fork)
                Operation fork = fork(rest);
                mine = fork.result(0);
                rest = fork.result(1);
            }
            use.user().setOperand(use.operandIndex(), adapt(mine, use.user(), use.operandIndex(), fromCompute));
        }
    }

    /** The dwc and FIFO in front of one reader's operand. */
    private Value adapt(Value s, Operation reader, int operand, boolean fromCompute) {
        boolean toCompute = HwDialect.COMPUTE.contains(reader.name());
        int want = toCompute ? simd(reader) : ((StreamType) s.type()).lanes();
        String base = portName(reader, operand);
        int have = ((StreamType) s.type()).lanes();
        if (have != want) {
            int g = gcd(have, want);
            if (g != have && g != want) {
                s = insert(HwDialect.DWC, s, ((StreamType) s.type()).withLanes(g), Map.of(), reader, base + "_dwc0");
            }
            s = insert(HwDialect.DWC, s, ((StreamType) s.type()).withLanes(want), Map.of(), reader, base + "_dwc");
        }
        if (fromCompute && toCompute) {
            s = insert(HwDialect.FIFO, s, s.type(), Map.of(HwDialect.DEPTH, new Attribute.IntAttr(DEFAULT_DEPTH)), reader,
                    base + "_fifo");
        }
        return s;
    }

    private Value insert(String name, Value in, dev.nnc.ir.type.Type out, Map<String, Attribute> props, Operation before,
                         String label) {
        Operation op = Operation.create(name, List.of(in), List.of(out), props, Location.named(label));
        op.result(0).setNameHint(label);
        block.insertBefore(before, op);
        return op.result(0);
    }

    /** A fork placed right after the op that defines {@code in}, named after the stream. */
    private Operation fork(Value in) {
        String label = name(in) + "_fork";
        Operation fork = Operation.create(HwDialect.FORK, List.of(in), List.of(in.type(), in.type()), Map.of(),
                Location.named(label));
        for (Value r : fork.results()) {
            r.setNameHint(label + r.index());
        }
        List<Operation> ops = block.operations();
        block.insertBefore(ops.get(ops.indexOf(in.definingOp()) + 1), fork);
        return fork;
    }

    private static int simd(Operation reader) {
        return reader.property(HwDialect.SIMD) instanceof Attribute.IntAttr i ? (int) i.value() : 1;
    }

    /**
     * {@code <layer>_<primitive>_in<k>}, e.g. {@code conv1_mvau_in0}: unique when a layer has one
     * primitive of each kind (a convolution is a swg and an mvau of the same ONNX node).
     */
    static String portName(Operation reader, int operand) {
        String layer = reader.location().name();
        if (layer == null) {
            Value r = reader.numResults() > 0 ? reader.result(0) : null;
            layer = r != null && r.nameHint() != null ? r.nameHint() : "";
        }
        return (layer.isEmpty() ? "" : layer + "_") + reader.opName() + "_in" + operand;
    }

    private static String name(Value v) {
        if (v.nameHint() != null) {
            return v.nameHint();
        }
        return v.definingOp() != null ? v.definingOp().opName() : "arg" + v.index();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
