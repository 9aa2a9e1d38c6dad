package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.SparseTensorProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.frontend.proto.Onnx.ValueInfoProto;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills one block from an ONNX graph: inputs become block arguments, initializers
 * {@code onnx.Constant} ops, nodes ops of the {@code onnx} dialect in topological order, and the
 * graph outputs the operands of the terminator. Sparse initializers become dense constants. The main graph fills {@code func.func main}; a
 * subgraph (If/Loop/Scan body) fills the region of its node and ends in {@code func.return}.
 */
final class GraphImporter {
    private final ImportContext ctx;
    private final Scope scope;
    private final Set<String> local = new HashSet<>();
    /** Sparse initializers by name; they become dense constants. */
    private final Map<String, SparseTensorProto> sparse = new HashMap<>();

    GraphImporter(ImportContext ctx, Scope scope) {
        this.ctx = ctx;
        this.scope = scope;
    }

    /** The model's graph: inputs are function inputs ({@code --input-shape} applies), outputs its results. */
    void importMain(GraphProto g, FuncOp func) {
        Map<String, TensorProto> inits = initializers(g);
        Set<String> inputs = new LinkedHashSet<>();
        for (ValueInfoProto in : g.getInputList()) {
            if (!inits.containsKey(in.getName())) {
                String what = "graph input '" + in.getName() + "'";
                Type t = inputType(in, what, !inputs.add(in.getName()));
                int[] shape = ctx.options().inputShapes().get(in.getName());
                if (shape != null && !(t instanceof TensorType)) {
                    throw ctx.error("--input-shape names " + what + ", which is a " + t + ", not a tensor");
                }
                define(in.getName(), func.addInput(in.getName(), shape == null ? t : override((TensorType) t, shape, what)));
            }
        }
        for (String name : ctx.options().inputShapes().keySet()) {
            if (!inputs.contains(name)) {
                throw ctx.error("--input-shape names '" + name + "', which is not a graph input (inputs: "
                        + String.join(", ", inputs) + ")");
            }
        }
        List<Value> outs = body(g, inits, func.body());
        func.setOutputs(outs, g.getOutputList().stream().map(ValueInfoProto::getName).toList());
    }

    /** A subgraph of {@code node}: its inputs become arguments of {@code block}, its outputs a {@code func.return}. */
    void importSubgraph(GraphProto g, Block block, Operation owner, String node) {
        Map<String, TensorProto> inits = initializers(g);
        Set<String> inputs = new HashSet<>();
        for (int i = 0; i < g.getInputCount(); i++) {
            ValueInfoProto in = g.getInput(i);
            String what = "input '" + in.getName() + "' of a subgraph of " + node;
            Type declared = in.hasType() ? ctx.types().convert(in.getType(), what) : null;
            Type t = declared != null ? declared : BodyInputTypes.of(owner, i);
            define(in.getName(), block.addArgument(checked(t, what, !inputs.add(in.getName())), in.getName()));
        }
        List<Value> outs = body(g, inits, block);
        block.append(Operation.create(BuiltinDialect.RETURN, outs, List.of(), Map.of(), Location.UNKNOWN));
    }

    /** Constants and nodes; returns the values of the graph outputs. */
    private List<Value> body(GraphProto g, Map<String, TensorProto> inits, Block block) {
        for (TensorProto init : inits.values()) {
            if (!local.contains(init.getName())) {
                define(init.getName(), constant(init, block));
            }
        }
        List<Integer> order = NodeOrder.sort(g.getNodeList(), local::contains, n -> scope.lookup(n) != null, ctx.file());
        NodeImporter nodes = new NodeImporter(ctx, scope, declaredTypes(g), block);
        for (int i : order) {
            nodes.importNode(g.getNode(i), i);
        }
        List<Value> outs = new ArrayList<>();
        for (ValueInfoProto o : g.getOutputList()) {
            Value v = scope.lookup(o.getName());
            if (v == null) {
                throw ctx.error("graph output '" + o.getName() + "' is not defined by any node, input or initializer");
            }
            outs.add(v);
        }
        return outs;
    }

    private void define(String name, Value v) {
        local.add(name);
        scope.define(name, v);
    }

    private Type inputType(ValueInfoProto in, String what, boolean duplicate) {
        return checked(in.hasType() ? ctx.types().convert(in.getType(), what) : null, what, duplicate);
    }

    private Type checked(Type t, String what, boolean duplicate) {
        if (duplicate) {
            throw ctx.error(what + " is listed twice");
        }
        if (t == null) {
            throw ctx.error(what + " has no tensor type");
        }
        return t;
    }

    private Map<String, TensorProto> initializers(GraphProto g) {
        Map<String, TensorProto> inits = new LinkedHashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            if (t.getName().isEmpty()) {
                throw ctx.error("an initializer has no name");
            }
            if (inits.put(t.getName(), t) != null) {
                throw ctx.error("initializer '" + t.getName() + "' is defined twice");
            }
        }
        for (SparseTensorProto sp : g.getSparseInitializerList()) {
            String name = sp.getValues().getName();
            if (name.isEmpty() || inits.containsKey(name) || sparse.put(name, sp) != null) {
                throw ctx.error(name.isEmpty() ? "a sparse initializer has no name" : "initializer '" + name + "' is defined twice");
            }
            inits.put(name, sp.getValues());
        }
        return inits;
    }

    private TensorType override(TensorType t, int[] shape, String what) {
        if (t.hasRank() && t.rank() != shape.length) {
            throw ctx.error("--input-shape gives " + what + " rank " + shape.length + " but the model declares " + t
                    + " (rank " + t.rank() + ")");
        }
        for (int i = 0; t.hasRank() && i < shape.length; i++) {
            if (t.dims().get(i) instanceof Dim.Known k && k.size() != shape[i]) {
                throw ctx.error("--input-shape gives " + what + " dimension " + i + " = " + shape[i]
                        + " but the model fixes it to " + k.size());
            }
        }
        return TensorType.of(t.elementType(), shape);
    }

    private Value constant(TensorProto init, Block block) {
        String name = init.getName();
        SparseTensorProto sp = sparse.get(name);
        Tensor t = sp != null ? SparseTensors.toDense(sp, ctx.tensors(), "sparse initializer '" + name + "'", ctx.file())
                : ctx.tensors().convert(init, "initializer '" + name + "'");
        Operation op = Operation.create("onnx.Constant", List.of(), List.of(t.tensorType()),
                Map.of("value", new Attribute.DenseAttr(t, name)), Location.named(name));
        op.result(0).setNameHint(name);
        block.append(op);
        return op.result(0);
    }

    /**
     * Types the file declares for values: value_info, then graph outputs (which win). value_info
     * is only a hint, so an entry nnc cannot express is skipped; an output's type must be valid.
     */
    private Map<String, Type> declaredTypes(GraphProto g) {
        Map<String, Type> declared = new HashMap<>();
        for (ValueInfoProto vi : g.getValueInfoList()) {
            try {
                declare(declared, vi, "value '" + vi.getName() + "'");
            } catch (NncException e) {
                // the producing node reports what it cannot do, with its own name
            }
        }
        for (ValueInfoProto vi : g.getOutputList()) {
            declare(declared, vi, "graph output '" + vi.getName() + "'");
        }
        return declared;
    }

    private void declare(Map<String, Type> declared, ValueInfoProto vi, String what) {
        Type t = vi.hasType() ? ctx.types().convert(vi.getType(), what) : null;
        if (t != null && t != NoneType.NONE) {
            declared.put(vi.getName(), t);
        }
    }
}
