package dev.nnc.hls.netlist;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the hardware part of a hw-level function (docs/hardware.md §3) as a {@link Netlist}: every
 * {@code !hw.stream} value becomes a stream, every hw op other than source and sink a node, and
 * the host ops around them ({@code q.quantize}, {@code q.dequantize}) are left out. Sources and
 * sinks take the name of the function input or output they come from or go to.
 */
public final class NetlistReader {
    private final FuncOp func;
    private final Map<Value, Integer> ids = new IdentityHashMap<>();
    private final List<Stream> streams = new ArrayList<>();

    private NetlistReader(FuncOp func) {
        this.func = func;
    }

    public static Netlist read(FuncOp func) {
        return new NetlistReader(func).read();
    }

    private Netlist read() {
        List<Endpoint> sources = new ArrayList<>();
        List<Endpoint> sinks = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (Operation op : func.body().operations()) {
            if (!op.dialect().equals("hw")) {
                continue;
            }
            if (op.name().equals(HwDialect.SOURCE)) {
                TensorType t = tensor(op, op.operand(0));
                int s = define(op.result(0));
                sources.add(endpoint(op, inputName(op.operand(0)), s, t));
            } else if (op.name().equals(HwDialect.SINK)) {
                TensorType t = tensor(op, op.result(0));
                sinks.add(endpoint(op, outputName(op.result(0)), use(op, op.operand(0)), t));
            } else {
                List<Integer> in = new ArrayList<>();
                for (Value v : op.operands()) {
                    in.add(use(op, v));
                }
                List<Integer> out = new ArrayList<>();
                for (Value v : op.results()) {
                    out.add(define(v));
                }
                nodes.add(new Node(op, nodeName(op), in, out));
            }
        }
        return new Netlist(streams, sources, sinks, nodes);
    }

    private int define(Value v) {
        if (!(v.type() instanceof StreamType st)) {
            throw new NncException(v.definingOp().location(), v.definingOp().name() + " result is "
                    + v.type() + ", not a !hw.stream");
        }
        int id = streams.size();
        int bits = st.beatBits() / st.lanes();
        streams.add(new Stream(st.lanes(), bits, st.element().spelling()));
        ids.put(v, id);
        return id;
    }

    private int use(Operation op, Value v) {
        Integer id = ids.get(v);
        if (id == null) {
            throw new NncException(op.location(), op.name() + " reads " + v + ", which no earlier hw op drives");
        }
        return id;
    }

    private static Endpoint endpoint(Operation op, String name, int stream, TensorType t) {
        List<Long> shape = new ArrayList<>();
        for (int d : t.shape()) {
            shape.add((long) d);
        }
        List<Long> perm = new ArrayList<>();
        if (op.property(HwDialect.PERM) instanceof Attribute.ArrayAttr a) {
            a.values().forEach(x -> perm.add(((Attribute.IntAttr) x).value()));
        }
        StreamType st = (StreamType) (op.name().equals(HwDialect.SOURCE) ? op.result(0) : op.operand(0)).type();
        return new Endpoint(name, stream, shape, perm, t.elementCount() / st.lanes());
    }

    private static TensorType tensor(Operation op, Value v) {
        if (v.type() instanceof TensorType t && t.isStatic()) {
            return t;
        }
        throw new NncException(op.location(), op.name() + " needs a static tensor, got " + v.type());
    }

    /** The function input that {@code v} is computed from through host ops (q.quantize), else its own name. */
    private String inputName(Value v) {
        Value cur = v;
        while (cur.definingOp() != null && cur.definingOp().numOperands() == 1) {
            cur = cur.definingOp().operand(0);
        }
        if (cur.definingOp() == null && cur.ownerBlock() == func.body()) {
            return func.inputNames().get(cur.index());
        }
        return v.nameHint() != null ? v.nameHint() : "in";
    }

    /** The function output that {@code v} reaches through single-use host ops (q.dequantize), else its own name. */
    private String outputName(Value v) {
        Value cur = v;
        for (int guard = 0; guard < 64; guard++) {
            if (cur.uses().size() != 1) {
                break;
            }
            Value.Use u = cur.uses().get(0);
            if (u.user().name().equals(BuiltinDialect.RETURN)) {
                return func.outputNames().get(u.operandIndex());
            }
            if (u.user().numResults() != 1 || u.user().dialect().equals("hw")) {
                break;
            }
            cur = u.user().result(0);
        }
        return v.nameHint() != null ? v.nameHint() : "out";
    }

    /** The ONNX node the op was lowered from (its location), else its result's name. */
    private static String nodeName(Operation op) {
        if (op.location().name() != null) {
            return op.location().name();
        }
        return op.numResults() > 0 ? op.result(0).nameHint() : null;
    }
}
