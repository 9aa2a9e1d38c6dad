package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.frontend.proto.Onnx.ValueInfoProto;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills a {@code func.func} from an ONNX graph: inputs become block arguments, initializers
 * {@code onnx.Constant} ops, nodes ops of the {@code onnx} dialect in topological order, and the
 * graph outputs the {@code func.return}.
 */
final class GraphImporter {
    private final String file;
    private final ImportOptions options;
    private final TypeConverter types;
    private final TensorProtoConverter tensors;
    private final NodeImporter nodes;
    private final Map<String, Value> values = new HashMap<>();

    GraphImporter(String file, ImportOptions options, TypeConverter types, TensorProtoConverter tensors,
                  DialectRegistry registry, int opset) {
        this.file = file;
        this.options = options;
        this.types = types;
        this.tensors = tensors;
        this.nodes = new NodeImporter(file, registry, new AttributeConverter(file, tensors, types), opset);
    }

    void importGraph(GraphProto g, FuncOp func) {
        nodes.checkSupported(g.getNodeList());
        Map<String, TensorProto> inits = initializers(g);
        addInputs(g, inits, func);
        Block body = func.body();
        for (TensorProto init : inits.values()) {
            values.put(init.getName(), constant(init, body));
        }
        Set<String> defined = new java.util.HashSet<>(values.keySet());
        List<Integer> order = NodeOrder.sort(g.getNodeList(), defined, file);
        Map<String, Type> declared = declaredTypes(g);
        for (int i : order) {
            nodes.importNode(g.getNode(i), i, values, declared, body);
        }
        List<Value> outs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ValueInfoProto o : g.getOutputList()) {
            Value v = values.get(o.getName());
            if (v == null) {
                throw new NncException(file + ": graph output '" + o.getName() + "' is not defined by any node, input or initializer");
            }
            outs.add(v);
            names.add(o.getName());
        }
        func.setOutputs(outs, names);
    }

    private Map<String, TensorProto> initializers(GraphProto g) {
        Map<String, TensorProto> inits = new LinkedHashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            if (t.getName().isEmpty()) {
                throw new NncException(file + ": an initializer has no name");
            }
            if (inits.put(t.getName(), t) != null) {
                throw new NncException(file + ": initializer '" + t.getName() + "' is defined twice");
            }
        }
        if (g.getSparseInitializerCount() > 0) {
            throw new NncException(file + ": sparse initializer '" + g.getSparseInitializer(0).getValues().getName()
                    + "' is not supported");
        }
        return inits;
    }

    /** Graph inputs that are not initializers become function inputs, with --input-shape applied. */
    private void addInputs(GraphProto g, Map<String, TensorProto> inits, FuncOp func) {
        Set<String> known = new java.util.LinkedHashSet<>();
        for (ValueInfoProto in : g.getInputList()) {
            if (inits.containsKey(in.getName())) {
                continue;
            }
            if (!known.add(in.getName())) {
                throw new NncException(file + ": graph input '" + in.getName() + "' is listed twice");
            }
            String what = "graph input '" + in.getName() + "'";
            Type t = in.hasType() ? types.convert(in.getType(), what) : null;
            if (t == null) {
                throw new NncException(file + ": " + what + " has no tensor type");
            }
            int[] shape = options.inputShapes().get(in.getName());
            if (shape != null) {
                t = override((TensorType) t, shape, what);
            }
            values.put(in.getName(), func.addInput(in.getName(), t));
        }
        for (String name : options.inputShapes().keySet()) {
            if (!known.contains(name)) {
                throw new NncException(file + ": --input-shape names '" + name + "', which is not a graph input (inputs: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    private TensorType override(TensorType t, int[] shape, String what) {
        if (t.hasRank() && t.rank() != shape.length) {
            throw new NncException(file + ": --input-shape gives " + what + " rank " + shape.length
                    + " but the model declares " + t + " (rank " + t.rank() + ")");
        }
        for (int i = 0; t.hasRank() && i < shape.length; i++) {
            if (t.dims().get(i) instanceof Dim.Known k && k.size() != shape[i]) {
                throw new NncException(file + ": --input-shape gives " + what + " dimension " + i + " = " + shape[i]
                        + " but the model fixes it to " + k.size());
            }
        }
        return TensorType.of(t.elementType(), shape);
    }

    private Value constant(TensorProto init, Block body) {
        String name = init.getName();
        Tensor t = tensors.convert(init, "initializer '" + name + "'");
        Operation op = Operation.create("onnx.Constant", List.of(), List.of(t.tensorType()),
                Map.of("value", new Attribute.DenseAttr(t, name)), Location.named(name));
        op.result(0).setNameHint(name);
        body.append(op);
        return op.result(0);
    }

    /** Types the file declares for values: value_info, then graph outputs (which win). */
    private Map<String, Type> declaredTypes(GraphProto g) {
        Map<String, Type> declared = new HashMap<>();
        List<ValueInfoProto> all = new ArrayList<>(g.getValueInfoList());
        all.addAll(g.getOutputList());
        for (ValueInfoProto vi : all) {
            if (vi.hasType()) {
                Type t = types.convert(vi.getType(), "value '" + vi.getName() + "'");
                if (t != null && t != NoneType.NONE) {
                    declared.put(vi.getName(), t);
                }
            }
        }
        return declared;
    }
}
