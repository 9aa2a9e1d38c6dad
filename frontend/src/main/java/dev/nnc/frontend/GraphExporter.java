package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.frontend.proto.Onnx.ValueInfoProto;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.OnnxDomains;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.spec.RegionAttrs;
import dev.nnc.ir.type.NoneType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a function of the {@code onnx} dialect as an ONNX graph: the inverse of
 * {@link GraphImporter}. The constants that open the main graph and are named like their value (as
 * imported initializers are) become initializers again, absent optional
 * operands ({@code onnx.NoValue}) empty input names, regions graph attributes (in the spec's
 * order), and an output whose value already has another name gets an Identity node.
 */
final class GraphExporter {
    private static final String NO_VALUE = NodeImporter.DIALECT_PREFIX + "NoValue";
    private static final String CONSTANT = NodeImporter.DIALECT_PREFIX + "Constant";

    private final DialectRegistry registry;
    private final ValueNames names = new ValueNames();

    GraphExporter(DialectRegistry registry) {
        this.registry = registry;
    }

    GraphProto main(FuncOp f) {
        GraphProto.Builder g = GraphProto.newBuilder().setName(f.symName());
        List<String> inNames = f.inputNames();
        List<String> outNames = f.outputNames();
        inNames.forEach(names::reserve);
        outNames.forEach(names::reserve);
        for (int i = 0; i < inNames.size(); i++) {
            Value arg = f.arguments().get(i);
            names.assign(arg, inNames.get(i));
            g.addInput(info(inNames.get(i), arg));
        }
        List<Value> outs = f.outputs();
        for (int i = 0; i < outs.size(); i++) {
            if (outs.get(i).definingOp() != null && !names.has(outs.get(i))) {
                names.assign(outs.get(i), outNames.get(i));
            }
        }
        body(f.body(), g, true);
        for (int i = 0; i < outs.size(); i++) {
            output(g, outs.get(i), outNames.get(i));
        }
        return g.build();
    }

    private GraphProto subgraph(Block b, String name) {
        GraphProto.Builder g = GraphProto.newBuilder().setName(name);
        for (Value arg : b.arguments()) {
            g.addInput(info(names.of(arg), arg));
        }
        body(b, g, false);
        Operation ret = b.terminator();
        for (Value v : ret.operands()) {
            boolean local = v.definingOp() != null && v.definingOp().parent() == b;
            output(g, v, local && g.getOutputList().stream().noneMatch(o -> o.getName().equals(names.of(v)))
                    ? names.of(v) : names.fresh(names.of(v) + "_out"));
        }
        return g.build();
    }

    /** Declares {@code name} as an output of {@code g}, through an Identity node when {@code v} is named otherwise. */
    private void output(GraphProto.Builder g, Value v, String name) {
        String has = names.of(v);
        if (!has.equals(name)) {
            g.addNode(NodeProto.newBuilder().setOpType("Identity").setName(name + "_identity").addInput(has).addOutput(name));
        }
        g.addOutput(info(name, v));
    }

    private void body(Block b, GraphProto.Builder g, boolean top) {
        // the leading constants of the main graph are its initializers (the importer puts them there)
        boolean leading = top;
        for (Operation op : b.operations()) {
            leading = leading && isInitializer(op)
                    && (op.location().name() == null || op.location().name().equals(op.result(0).nameHint()));
            if (op == b.terminator() && op.name().equals(BuiltinDialect.RETURN)) {
                continue;
            }
            if (op.name().equals(NO_VALUE)) {
                names.assign(op.result(0), "");
            } else if (leading) {
                Attribute.DenseAttr value = (Attribute.DenseAttr) op.property("value");
                g.addInitializer(TensorProtoWriter.toProto(value.value(), names.of(op.result(0))));
            } else {
                g.addNode(node(op));
                op.results().stream().filter(r -> r.type() != NoneType.NONE && names.has(r) && !names.of(r).isEmpty())
                        .forEach(r -> g.addValueInfo(info(names.of(r), r)));
            }
        }
    }

    private static boolean isInitializer(Operation op) {
        return op.name().equals(CONSTANT) && op.properties().size() == 1 && op.property("value") instanceof Attribute.DenseAttr;
    }

    private NodeProto node(Operation op) {
        String what = "op " + op.name() + (op.location().name() != null ? " (node '" + op.location().name() + "')" : "");
        if (!op.dialect().equals("onnx")) {
            throw new NncException("cannot export " + what + " to ONNX: only ops of the onnx dialect have an ONNX form");
        }
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(OnnxDomains.opType(op.name()))
                .setDomain(OnnxDomains.domainOf(op.name()));
        if (op.location().name() != null) {
            n.setName(op.location().name());
        }
        op.operands().forEach(v -> n.addInput(names.of(v)));
        // an unnamed result nobody reads is an optional output the node does not produce
        op.results().forEach(r -> n.addOutput(r.nameHint() == null && !r.hasUses() && !names.has(r) ? "" : names.of(r)));
        Optional<OpSpec> spec = registry.lookup(op.name());
        for (Map.Entry<String, Attribute> p : op.properties().entrySet()) {
            if (p.getKey().equals(RegionAttrs.PROPERTY)) {
                continue;
            }
            AttrKind kind = spec.flatMap(s -> s.attribute(p.getKey())).map(AttrSpec::kind).orElse(null);
            n.addAttribute(AttributeExporter.of(p.getKey(), p.getValue(), kind, what));
        }
        List<String> graphs = spec.map(s -> RegionAttrs.names(op, s)).orElse(List.of());
        for (int r = 0; r < op.regions().size(); r++) {
            String attr = r < graphs.size() ? graphs.get(r) : "region" + r;
            n.addAttribute(AttributeProto.newBuilder().setName(attr).setType(AttributeProto.AttributeType.GRAPH)
                    .setG(subgraph(op.region(r).entry(), attr)));
        }
        return n.build();
    }

    private static ValueInfoProto info(String name, Value v) {
        return ValueInfoProto.newBuilder().setName(name).setType(ProtoTypes.of(v.type(), "value '" + name + "'")).build();
    }
}
