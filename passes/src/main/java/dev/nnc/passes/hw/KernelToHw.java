package dev.nnc.passes.hw;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.hw.HwCastModes;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.passes.PassContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The op-by-op half of {@code lower-hw} for one function body: replaces kernel ops by hw ops wired
 * straight to their producers' streams (a stream may still have several readers and mismatched
 * lanes here; {@link StreamPlumbing} fixes both afterwards).
 */
final class KernelToHw {
    static final String TO_STREAM = "kernel.to_stream";
    static final String FROM_STREAM = "kernel.from_stream";
    static final String RESHAPE = "kernel.reshape";

    /** Kernel compute op → hw primitive. */
    private static final Map<String, String> PRIMITIVES = Map.of(
            "kernel.swg", HwDialect.SWG,
            "kernel.mvau", HwDialect.MVAU,
            "kernel.pool", HwDialect.POOL,
            "kernel.add", HwDialect.ADD,
            "kernel.softmax", HwDialect.SOFTMAX);

    private final Block block;
    private final PassContext context;
    /** Kernel tensor value (stream order) → the hw stream that carries it. */
    private final Map<Value, Value> streams = new IdentityHashMap<>();
    private final List<Operation> created = new ArrayList<>();

    KernelToHw(Block block, PassContext context) {
        this.block = block;
        this.context = context;
    }

    /** The hw ops made, in block order. */
    List<Operation> created() {
        return created;
    }

    boolean run() {
        List<Operation> kernelOps = new ArrayList<>();
        for (Operation op : List.copyOf(block.operations())) {
            if (!op.dialect().equals("kernel")) {
                continue;
            }
            kernelOps.add(op);
            lower(op);
        }
        for (int i = kernelOps.size() - 1; i >= 0; i--) {
            block.erase(kernelOps.get(i));
        }
        return !kernelOps.isEmpty();
    }

    private void lower(Operation op) {
        switch (op.name()) {
            case TO_STREAM:
                Operation src = insert(op, HwDialect.SOURCE, List.of(op.operand(0)),
                        new StreamType(sourceLanes(op.result(0)), element(op.result(0))), copy(op, HwDialect.SOURCE),
                        op.result(0).nameHint());
                streams.put(op.result(0), src.result(0));
                return;
            case FROM_STREAM:
                Operation sink = insert(op, HwDialect.SINK, List.of(stream(op, 0)), op.result(0).type(),
                        copy(op, HwDialect.SINK), op.result(0).nameHint());
                op.result(0).replaceAllUsesWith(sink.result(0));
                return;
            case RESHAPE:
                streams.put(op.result(0), stream(op, 0)); // the same beats, read as another shape
                return;
            default:
                break;
        }
        String hwName = PRIMITIVES.get(op.name());
        if (hwName == null) {
            throw context.error(op, "lower-hw: " + op.name() + " has no hardware primitive");
        }
        checkCastMode(op);
        Map<String, Attribute> props = copy(op, hwName);
        props.put(HwDialect.IN_SHAPE, shape(op, op.operand(0)));
        props.put(HwDialect.OUT_SHAPE, shape(op, op.result(0)));
        List<Value> ins = new ArrayList<>();
        for (int i = 0; i < op.numOperands(); i++) {
            ins.add(stream(op, i));
        }
        String outLanesProp = hwName.equals(HwDialect.MVAU) ? HwDialect.PE : HwDialect.SIMD;
        if (!(props.get(outLanesProp) instanceof Attribute.IntAttr lanes) || lanes.value() < 1) {
            throw context.error(op, "lower-hw: " + op.name() + " needs a positive integer '" + outLanesProp + "'");
        }
        int outLanes = Math.toIntExact(lanes.value());
        Operation hw = insert(op, hwName, ins, new StreamType(outLanes, element(op.result(0))), props, op.result(0).nameHint());
        streams.put(op.result(0), hw.result(0));
    }

    private Operation insert(Operation kernelOp, String name, List<Value> operands, dev.nnc.ir.type.Type result,
                             Map<String, Attribute> props, String nameHint) {
        Operation hw = Operation.create(name, operands, List.of(result), props, kernelOp.location());
        hw.result(0).setNameHint(nameHint);
        block.insertBefore(kernelOp, hw);
        created.add(hw);
        return hw;
    }

    private Value stream(Operation op, int operand) {
        Value s = streams.get(op.operand(operand));
        if (s == null) {
            throw context.error(op, "lower-hw: " + op.name() + " operand #" + operand
                    + " is not in stream order (it must come from kernel.to_stream or another kernel op)");
        }
        return s;
    }

    /** The kernel op's properties with the hw op's defaults filled in, so every number is explicit. */
    private Map<String, Attribute> copy(Operation op, String hwName) {
        Map<String, Attribute> props = new TreeMap<>(op.properties());
        OpSpec spec = context.registry().lookup(hwName).orElseThrow();
        for (AttrSpec a : spec.attributes()) {
            if (a.defaultValue() != null) {
                props.putIfAbsent(a.name(), a.defaultValue());
            }
        }
        return props;
    }

    private void checkCastMode(Operation op) {
        String why = HwCastModes.unsupported(string(op, "rounding", "RND_CONV"), string(op, "overflow", "SAT"));
        if (why != null) {
            throw context.error(op, "lower-hw: " + op.name() + ": " + why);
        }
    }

    private static String string(Operation op, String name, String dflt) {
        return op.property(name) instanceof Attribute.StringAttr s ? s.value() : dflt;
    }

    /** A source emits what its first reader takes (its simd), so most inputs need no width converter. */
    private static int sourceLanes(Value kernelTensor) {
        for (Value.Use u : kernelTensor.uses()) {
            Operation user = u.user();
            if (user.name().equals(RESHAPE)) {
                return sourceLanes(user.result(0));
            }
            if (PRIMITIVES.containsKey(user.name()) && user.property(HwDialect.SIMD) instanceof Attribute.IntAttr simd) {
                return (int) simd.value();
            }
        }
        return 1;
    }

    private Attribute shape(Operation op, Value v) {
        if (!(v.type() instanceof TensorType t) || !t.isStatic()) {
            throw context.error(op, "lower-hw: " + op.name() + " needs static stream-order shapes, got " + v.type());
        }
        List<Attribute> dims = new ArrayList<>();
        for (int d : t.shape()) {
            dims.add(new Attribute.IntAttr(d));
        }
        return new Attribute.ArrayAttr(dims);
    }

    private static dev.nnc.ir.type.ElementType element(Value v) {
        return ((TensorType) v.type()).elementType();
    }
}
