package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.AttributeProto.AttributeType;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.onnx.OnnxDomains;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.spec.RegionAttrs;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one ONNX node into an {@code onnx.<op_type>} operation (ops of other domains are named
 * as {@link OnnxDomains} says, e.g. {@code onnx.ml.Binarizer}): operands by value name (an empty
 * name is an absent optional input, read from one shared {@code onnx.NoValue} per block),
 * attributes as properties with the spec's defaults filled in, graph attributes as regions, and
 * result types from the file or the spec's inference.
 *
 * <p>Regions are ordered as the spec lists its graph attributes (If: {@code then_branch} = region
 * 0, {@code else_branch} = region 1), then any others in the node's order (which the verifier
 * rejects); graph attributes are not properties. When the spec has optional graph attributes,
 * property {@code region_attrs} records which attribute each region holds (see {@link RegionAttrs}).
 */
final class NodeImporter {
    static final String DIALECT_PREFIX = "onnx.";

    private final ImportContext ctx;
    private final Scope scope;
    private final Map<String, Type> declared;
    private final Block block;
    private Value noValue;

    NodeImporter(ImportContext ctx, Scope scope, Map<String, Type> declared, Block block) {
        this.ctx = ctx;
        this.scope = scope;
        this.declared = declared;
        this.block = block;
    }

    void importNode(NodeProto n, int index) {
        String what = NodeOrder.display(n, index);
        OpSpec spec = ctx.registry().lookup(OnnxDomains.opName(n.getDomain(), n.getOpType())).orElseThrow(
                () -> ctx.error(what + ": unsupported op " + OnnxDomains.opName(n.getDomain(), n.getOpType())));
        List<Value> operands = operands(n);
        List<String> outputs = trimTrailingEmpty(n.getOutputList());
        checkArity(spec, what, operands.size(), outputs.size());
        List<AttributeProto> graphs = graphAttributes(n, spec);
        Operation op = Operation.create(spec.name(), operands, List.of(), properties(n, spec, what, graphs),
                Location.named(NodeOrder.name(n, index)));
        if (RegionAttrs.needsNames(spec) && !graphs.isEmpty()) {
            op.setProperty(RegionAttrs.PROPERTY, new Attribute.ArrayAttr(
                    graphs.stream().map(g -> (Attribute) new Attribute.StringAttr(g.getName())).toList()));
        }
        for (AttributeProto g : graphs) {
            new GraphImporter(ctx, scope.child()).importSubgraph(g.getG(), op.addRegion().addBlock(), op, what);
        }
        List<Type> declaredTypes = new ArrayList<>();
        for (String out : outputs) {
            op.addResult(NoneType.NONE, out.isEmpty() ? null : out);
            declaredTypes.add(declared.get(out));
        }
        ResultTypes.assign(op, spec, declaredTypes, ctx.opsets().forOp(spec.name()), ctx.file());
        block.append(op);
        for (int i = 0; i < outputs.size(); i++) {
            if (!outputs.get(i).isEmpty()) {
                scope.define(outputs.get(i), op.result(i));
            }
        }
    }

    private List<Value> operands(NodeProto n) {
        List<Value> operands = new ArrayList<>();
        for (String in : trimTrailingEmpty(n.getInputList())) {
            operands.add(in.isEmpty() ? noValue() : scope.lookup(in));
        }
        return operands;
    }

    /** One {@code onnx.NoValue} per block, placed before its first use. */
    private Value noValue() {
        if (noValue == null) {
            Operation op = Operation.create(DIALECT_PREFIX + "NoValue", List.of(), List.of(NoneType.NONE), Map.of(), Location.UNKNOWN);
            block.append(op);
            noValue = op.result(0);
        }
        return noValue;
    }

    /** The node's GRAPH attributes in region order; a list of graphs (GRAPHS) is not supported. */
    private List<AttributeProto> graphAttributes(NodeProto n, OpSpec spec) {
        List<AttributeProto> graphs = new ArrayList<>();
        for (AttrSpec as : spec.attributes()) {
            n.getAttributeList().stream().filter(a -> a.getName().equals(as.name()) && isGraph(a)).forEach(graphs::add);
        }
        n.getAttributeList().stream().filter(a -> isGraph(a) && !graphs.contains(a)).forEach(graphs::add);
        return graphs;
    }

    private static boolean isGraph(AttributeProto a) {
        return AttributeConverter.kind(a) == AttributeType.GRAPH;
    }

    private Map<String, Attribute> properties(NodeProto n, OpSpec spec, String what, List<AttributeProto> graphs) {
        Map<String, Attribute> props = new TreeMap<>();
        List<String> seen = new ArrayList<>();
        for (AttributeProto a : n.getAttributeList()) {
            if (seen.contains(a.getName())) {
                throw ctx.error(what + " sets attribute '" + a.getName() + "' twice");
            }
            seen.add(a.getName());
            if (spec.attribute(a.getName()).isEmpty()) {
                throw ctx.error(what + ": " + n.getOpType() + " has no attribute '" + a.getName() + "' (it has: "
                        + String.join(", ", spec.attributes().stream().map(AttrSpec::name).toList()) + ")");
            }
            if (!graphs.contains(a)) {
                props.put(a.getName(), ctx.attributes().convert(a, what));
            }
        }
        if (spec.name().equals(DIALECT_PREFIX + "Constant") && props.containsKey("sparse_value")) {
            // the sparse tensor was expanded to a dense one, so this is a plain Constant
            props.put("value", props.remove("sparse_value"));
            seen.add("value");
        }
        for (AttrSpec as : spec.attributes()) {
            if (seen.contains(as.name())) {
                continue;
            }
            if (as.defaultValue() != null) {
                props.put(as.name(), asFloat32(as.defaultValue()));
            } else if (as.required()) {
                throw ctx.error(what + " needs attribute '" + as.name() + "'"
                        + (as.kind() == AttrKind.GRAPH ? " (a subgraph)" : ""));
            }
        }
        return props;
    }

    /**
     * ONNX float attributes are float32, so a default written as 1e-5 means the float nearest to
     * it; rounding here makes a defaulted attribute equal to the same value set in a file.
     */
    private static Attribute asFloat32(Attribute a) {
        if (a instanceof Attribute.FloatAttr f) {
            return new Attribute.FloatAttr((float) f.value());
        }
        if (a instanceof Attribute.ArrayAttr arr && arr.values().stream().anyMatch(v -> v instanceof Attribute.FloatAttr)) {
            return new Attribute.ArrayAttr(arr.values().stream().map(NodeImporter::asFloat32).toList());
        }
        return a;
    }

    private void checkArity(OpSpec spec, String what, int inputs, int outputs) {
        if (!spec.operands().accepts(inputs)) {
            throw ctx.error(what + " has " + inputs + " inputs but " + spec.name() + " takes " + spec.operands());
        }
        // ONNX lets a node leave out trailing optional outputs, so only too many (or none) is wrong
        if (outputs == 0 || spec.results().max() >= 0 && outputs > spec.results().max()) {
            throw ctx.error(what + " has " + outputs + " outputs but " + spec.name() + " gives " + spec.results());
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
