package dev.nnc.passes.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.kernel.KernelDialect;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.ir.kernel.Permutation;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.passes.PassContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one lower-kernel run: what each q-level value has become ({@link Lowered}), which
 * q-level ops a pattern has absorbed, and where new kernel ops go (before the op being lowered,
 * so every operand is defined above its use).
 */
final class Lowering {
    private final PassContext context;
    private final Map<Value, Lowered> lowered = new HashMap<>();
    private final Map<String, Value> toStreams = new HashMap<>();
    private final Map<Value, Value> fromStreams = new HashMap<>();
    private final Set<Operation> consumed = new HashSet<>();
    private Operation anchor;

    Lowering(PassContext context) {
        this.context = context;
    }

    void setAnchor(Operation op) {
        anchor = op;
    }

    boolean isConsumed(Operation op) {
        return consumed.contains(op);
    }

    void consume(Operation op) {
        if (op != null) {
            consumed.add(op);
        }
    }

    void map(Value qValue, Lowered l) {
        lowered.put(qValue, l);
    }

    Lowered get(Value v) {
        return lowered.get(v);
    }

    /** The node's name for messages: its location name, else its first result's name. */
    static String node(Operation op) {
        String n = op.location().name();
        if (n == null && op.numResults() > 0) {
            n = op.result(0).nameHint();
        }
        return op.name() + " (node '" + (n == null ? "?" : n) + "')";
    }

    /** An error about op naming its node; the pass fails with it. */
    NncException error(Operation op, String message) {
        return context.error(op, "cannot lower " + node(op) + " to hardware: " + message);
    }

    /** A new op before the anchor, located at {@code at}, its result named {@code hint}. */
    Operation create(String name, List<Value> operands, TensorType result, Map<String, Attribute> props, Operation at, String hint) {
        Operation op = Operation.create(name, operands, List.of(result), props, at.location());
        anchor.parent().insertBefore(anchor, op);
        op.result(0).setNameHint(hint);
        return op;
    }

    /**
     * The stream of q-level value v in layout {@code perm} (see {@link Lowered#canonicalPerm}): a
     * host tensor gets a to_stream (absorbing the transposes it went through); a stream must
     * already be in that layout.
     */
    Lowered.Stream stream(Value v, Operation consumer, int[] perm) {
        Lowered l = lowered.get(v);
        if (l instanceof Lowered.Host h) {
            int[] hostPerm = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                hostPerm[i] = h.perm()[perm[i]];
            }
            String key = System.identityHashCode(h.host()) + Arrays.toString(hostPerm);
            Value s = toStreams.get(key);
            if (s == null) {
                int[] hs = KernelTypes.shape(h.host().type());
                if (Permutation.permuteShape(hs, hostPerm)[0] != 1) {
                    throw error(consumer, "its input must have a batch of 1 in front, got " + Arrays.toString(h.logicalShape()));
                }
                FixedType t = KernelTypes.fixed(h.host().type());
                Operation ts = create(KernelDialect.TO_STREAM, List.of(h.host()),
                        TensorType.of(t, Lowered.streamShape(h.logicalShape(), perm)),
                        Map.of("perm", ints(hostPerm)), consumer, hint(h.host(), "stream"));
                ts.setLocation(Location.named(hint(h.host(), "stream")));
                s = ts.result(0);
                toStreams.put(key, s);
            }
            return new Lowered.Stream(s, h.logicalShape(), perm, null, null);
        }
        if (l instanceof Lowered.Stream s) {
            if (s.inPerm(perm)) {
                return s;
            }
            if (s.perm() == null) {
                throw error(consumer, "it reads the result of " + s.reshapeOp()
                        + ", whose element order differs from the stream order, and only a dense layer can absorb that");
            }
            throw error(consumer, "its operand is in another stream order (a transpose that would move data)");
        }
        throw error(consumer, "its operand " + name(v) + " is not a fixed-point tensor computed on the device");
    }

    /** The q-level (logical) tensor of a stream, for a host op: a from_stream, made once per value. */
    Value host(Value v, Operation user) {
        Lowered l = lowered.get(v);
        if (l instanceof Lowered.Host h) {
            if (!Arrays.equals(h.perm(), identity(h.perm().length))) {
                throw error(user, "its operand is a transpose of an input, which stays on the host");
            }
            return h.host();
        }
        if (!(l instanceof Lowered.Stream s)) {
            return v;
        }
        Value out = fromStreams.get(v);
        if (out == null) {
            if (s.perm() == null) {
                throw error(user, "it reads the result of " + s.reshapeOp() + ", whose element order differs from the stream order");
            }
            Operation fs = create(KernelDialect.FROM_STREAM, List.of(s.value()), (TensorType) v.type(),
                    Map.of("perm", ints(Permutation.inverse(s.perm()))), user, hint(v, "host"));
            fs.setLocation(Location.named(hint(v, "host")));
            out = fs.result(0);
            fromStreams.put(v, out);
        }
        return out;
    }

    /** The constant tensor of v (an onnx.Constant), or an error naming the op that needs it. */
    Tensor constant(Value v, Operation user, String what) {
        Operation d = v.definingOp();
        if (d != null && d.name().equals("onnx.Constant") && d.property("value") instanceof Attribute.DenseAttr a) {
            return a.value();
        }
        throw error(user, what + " must be a constant");
    }

    /** The attributes of a q-level op with its spec's defaults. */
    OpAttributes attrs(Operation op) {
        return new OpAttributes(op, context.registry().lookup(op.name()).orElse(null));
    }

    /** The single user of v when it is one of {@code names}, else null. */
    static Operation singleUser(Value v, String... names) {
        if (v.uses().size() != 1) {
            return null;
        }
        Operation u = v.uses().get(0).user();
        return Arrays.asList(names).contains(u.name()) && u.operand(0) == v ? u : null;
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    static Attribute.ArrayAttr ints(int... v) {
        return Attribute.ints(Arrays.stream(v).asLongStream().toArray());
    }

    static String name(Value v) {
        return v.nameHint() == null ? "%" + v.index() : "%" + v.nameHint();
    }

    static String hint(Value v, String suffix) {
        return (v.nameHint() == null ? "v" : v.nameHint()) + "_" + suffix;
    }
}
