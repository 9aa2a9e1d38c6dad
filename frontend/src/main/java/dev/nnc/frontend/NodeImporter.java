package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one ONNX node into an {@code onnx.<op_type>} operation: operands by value name (an empty
 * name is an absent optional input, read from one shared {@code onnx.NoValue}), attributes as
 * properties with the spec's defaults filled in, and result types from the file or inference.
 */
final class NodeImporter {
    static final String DIALECT_PREFIX = "onnx.";

    private final String file;
    private final DialectRegistry registry;
    private final AttributeConverter attributes;
    private final int opset;
    private Value noValue;

    NodeImporter(String file, DialectRegistry registry, AttributeConverter attributes, int opset) {
        this.file = file;
        this.registry = registry;
        this.attributes = attributes;
        this.opset = opset;
    }

    /** Throws one error listing every op nnc cannot import, with the nodes that use it. */
    void checkSupported(List<NodeProto> nodes) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeProto n = nodes.get(i);
            String domain = n.getDomain();
            boolean onnx = domain.isEmpty() || domain.equals("ai.onnx");
            String op = onnx ? n.getOpType() : domain + "." + n.getOpType();
            if (!onnx || registry.lookup(DIALECT_PREFIX + n.getOpType()).isEmpty()) {
                missing.computeIfAbsent(op, k -> new ArrayList<>()).add(NodeOrder.name(n, i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        missing.forEach((op, users) -> parts.add(op + " (node" + (users.size() > 1 ? "s " : " ") + String.join(", ", users) + ")"));
        throw new NncException(file + ": unsupported ops: " + String.join(", ", parts));
    }

    void importNode(NodeProto n, int index, Map<String, Value> values, Map<String, Type> declared, Block body) {
        String what = NodeOrder.display(n, index);
        OpSpec spec = registry.lookup(DIALECT_PREFIX + n.getOpType()).orElseThrow();
        List<Value> operands = operands(n, values, body);
        List<String> outputs = trimTrailingEmpty(n.getOutputList());
        checkArity(spec, what, operands.size(), outputs.size());
        Operation op = Operation.create(spec.name(), operands, List.of(), properties(n, spec, what),
                Location.named(NodeOrder.name(n, index)));
        List<Type> placeholder = new ArrayList<>();
        for (String out : outputs) {
            op.addResult(NoneType.NONE, out.isEmpty() ? null : out);
            placeholder.add(declared.get(out));
        }
        ResultTypes.assign(op, spec, placeholder, opset, file);
        body.append(op);
        for (int i = 0; i < outputs.size(); i++) {
            if (!outputs.get(i).isEmpty()) {
                values.put(outputs.get(i), op.result(i));
            }
        }
    }

    private List<Value> operands(NodeProto n, Map<String, Value> values, Block body) {
        List<Value> operands = new ArrayList<>();
        for (String in : trimTrailingEmpty(n.getInputList())) {
            operands.add(in.isEmpty() ? noValue(body) : values.get(in));
        }
        return operands;
    }

    /** One {@code onnx.NoValue} per function, placed before its first use. */
    private Value noValue(Block body) {
        if (noValue == null) {
            Operation op = Operation.create(DIALECT_PREFIX + "NoValue", List.of(), List.of(NoneType.NONE), Map.of(), Location.UNKNOWN);
            body.append(op);
            noValue = op.result(0);
        }
        return noValue;
    }

    private Map<String, Attribute> properties(NodeProto n, OpSpec spec, String what) {
        Map<String, Attribute> props = new TreeMap<>();
        for (AttributeProto a : n.getAttributeList()) {
            if (props.put(a.getName(), attributes.convert(a, what)) != null) {
                throw new NncException(file + ": " + what + " sets attribute '" + a.getName() + "' twice");
            }
        }
        for (AttrSpec as : spec.attributes()) {
            if (props.containsKey(as.name())) {
                continue;
            }
            if (as.defaultValue() != null) {
                props.put(as.name(), as.defaultValue());
            } else if (as.required()) {
                throw new NncException(file + ": " + what + " needs attribute '" + as.name() + "'");
            }
        }
        return props;
    }

    private void checkArity(OpSpec spec, String what, int inputs, int outputs) {
        if (!spec.operands().accepts(inputs)) {
            throw new NncException(file + ": " + what + " has " + inputs + " inputs but " + spec.name() + " takes " + spec.operands());
        }
        // ONNX lets a node leave out trailing optional outputs, so only too many (or none) is wrong
        if (outputs == 0 || spec.results().max() >= 0 && outputs > spec.results().max()) {
            throw new NncException(file + ": " + what + " has " + outputs + " outputs but " + spec.name() + " gives " + spec.results());
        }
    }

    private static List<String> trimTrailingEmpty(List<String> names) {
        int end = names.size();
        while (end > 0 && names.get(end - 1).isEmpty()) {
            end--;
        }
        return names.subList(0, end);
    }
}
