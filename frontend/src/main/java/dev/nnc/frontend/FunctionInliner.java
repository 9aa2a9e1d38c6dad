package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.FunctionProto;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.ModelProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.frontend.proto.Onnx.ValueInfoProto;
import dev.nnc.ir.diag.NncException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Replaces calls of model-local functions ({@code ModelProto.functions}, as exporters emit for
 * modules) by the function bodies, so the importer sees standard ops only. Values inside a body
 * are renamed {@code <call node>/<name>}; formal inputs and outputs become the call's actual
 * names; attribute references ({@code ref_attr_name}) take the call's attribute or the
 * function's default, and are dropped when neither is given.
 */
final class FunctionInliner {
    private static final int MAX_DEPTH = 64;

    private final Map<String, FunctionProto> functions = new HashMap<>();
    private final Set<String> scopes = new HashSet<>();
    private final String file;

    private FunctionInliner(ModelProto m, String file) {
        this.file = file;
        for (FunctionProto f : m.getFunctionsList()) {
            functions.put(key(f.getDomain(), f.getName(), f.getOverload()), f);
        }
    }

    /** The model's graph with every call of a local function expanded. */
    static GraphProto inline(ModelProto m, String file) {
        if (m.getFunctionsCount() == 0) {
            return m.getGraph();
        }
        FunctionInliner inliner = new FunctionInliner(m, file);
        return inliner.graph(m.getGraph(), 0);
    }

    private static String key(String domain, String name, String overload) {
        return domain + "\u0000" + name + "\u0000" + overload;
    }

    private GraphProto graph(GraphProto g, int depth) {
        GraphProto.Builder b = g.toBuilder().clearNode();
        List<NodeProto> nodes = g.getNodeList();
        for (int i = 0; i < nodes.size(); i++) {
            b.addAllNode(node(nodes.get(i), i, depth));
        }
        return b.build();
    }

    /** The node itself (its subgraphs expanded), or the expanded body of the function it calls. */
    private List<NodeProto> node(NodeProto n, int index, int depth) {
        FunctionProto f = functions.get(key(n.getDomain(), n.getOpType(), n.getOverload()));
        if (f == null) {
            return List.of(withSubgraphs(n, depth));
        }
        if (depth >= MAX_DEPTH) {
            throw new NncException(file + ": function " + f.getName() + " calls itself (through "
                    + NodeOrder.display(n, index) + ")");
        }
        String scope = scope(NodeOrder.name(n, index));
        Map<String, String> actual = new HashMap<>();
        for (int i = 0; i < f.getInputCount(); i++) {
            actual.put(f.getInput(i), i < n.getInputCount() ? n.getInput(i) : "");
        }
        for (int i = 0; i < f.getOutputCount(); i++) {
            if (i < n.getOutputCount() && !n.getOutput(i).isEmpty()) {
                actual.put(f.getOutput(i), n.getOutput(i));
            }
        }
        UnaryOperator<String> rename = name -> name.isEmpty() ? "" : actual.getOrDefault(name, scope + name);
        Map<String, AttributeProto> attrs = attributes(n, f);
        List<NodeProto> out = new ArrayList<>();
        List<NodeProto> body = f.getNodeList();
        for (int i = 0; i < body.size(); i++) {
            NodeProto inner = body.get(i);
            NodeProto renamed = renamed(inner, attrs, rename).setName(scope + NodeOrder.name(inner, i)).build();
            out.addAll(node(renamed, i, depth + 1));
        }
        return out;
    }

    /** The call's attributes by name, over the function's declared defaults. */
    private static Map<String, AttributeProto> attributes(NodeProto call, FunctionProto f) {
        Map<String, AttributeProto> attrs = new HashMap<>();
        f.getAttributeProtoList().forEach(a -> attrs.put(a.getName(), a));
        call.getAttributeList().forEach(a -> attrs.put(a.getName(), a));
        return attrs;
    }

    /** An attribute of a body node with references resolved; null when a reference has no value. */
    private AttributeProto bind(AttributeProto a, Map<String, AttributeProto> attrs, UnaryOperator<String> rename) {
        if (a.hasRefAttrName()) {
            AttributeProto given = attrs.get(a.getRefAttrName());
            return given == null ? null : given.toBuilder().setName(a.getName()).build();
        }
        if (!a.hasG() && a.getGraphsCount() == 0) {
            return a;
        }
        AttributeProto.Builder b = a.toBuilder();
        if (a.hasG()) {
            b.setG(renamed(a.getG(), attrs, rename));
        }
        for (int i = 0; i < a.getGraphsCount(); i++) {
            b.setGraphs(i, renamed(a.getGraphs(i), attrs, rename));
        }
        return b.build();
    }

    /** A subgraph inside a function body: every name renamed the body's way, references resolved. */
    private GraphProto renamed(GraphProto g, Map<String, AttributeProto> attrs, UnaryOperator<String> rename) {
        GraphProto.Builder b = g.toBuilder().clearNode().clearInput().clearOutput().clearValueInfo().clearInitializer();
        g.getInputList().forEach(v -> b.addInput(rename(v, rename)));
        g.getOutputList().forEach(v -> b.addOutput(rename(v, rename)));
        g.getValueInfoList().forEach(v -> b.addValueInfo(rename(v, rename)));
        for (TensorProto t : g.getInitializerList()) {
            b.addInitializer(t.toBuilder().setName(rename.apply(t.getName())));
        }
        for (NodeProto n : g.getNodeList()) {
            b.addNode(renamed(n, attrs, rename));
        }
        return b.build();
    }

    /** A node of a function body with its inputs and outputs renamed and its attributes bound. */
    private NodeProto.Builder renamed(NodeProto n, Map<String, AttributeProto> attrs, UnaryOperator<String> rename) {
        NodeProto.Builder nb = n.toBuilder().clearInput().clearOutput().clearAttribute();
        n.getInputList().forEach(in -> nb.addInput(rename.apply(in)));
        n.getOutputList().forEach(o -> nb.addOutput(rename.apply(o)));
        for (AttributeProto a : n.getAttributeList()) {
            AttributeProto bound = bind(a, attrs, rename);
            if (bound != null) {
                nb.addAttribute(bound);
            }
        }
        return nb;
    }

    private static ValueInfoProto rename(ValueInfoProto v, UnaryOperator<String> rename) {
        return v.toBuilder().setName(rename.apply(v.getName())).build();
    }

    /** A node outside any function keeps its names; calls inside its subgraphs are expanded too. */
    private NodeProto withSubgraphs(NodeProto n, int depth) {
        if (Captures.subgraphs(n).isEmpty()) {
            return n;
        }
        NodeProto.Builder nb = n.toBuilder().clearAttribute();
        for (AttributeProto a : n.getAttributeList()) {
            AttributeProto.Builder ab = a.toBuilder();
            if (a.hasG()) {
                ab.setG(graph(a.getG(), depth));
            }
            for (int i = 0; i < a.getGraphsCount(); i++) {
                ab.setGraphs(i, graph(a.getGraphs(i), depth));
            }
            nb.addAttribute(ab);
        }
        return nb.build();
    }

    /** {@code name/}, made unique when two calls share a name. */
    private String scope(String callName) {
        String s = callName + "/";
        for (int k = 1; !scopes.add(s); k++) {
            s = callName + "_" + k + "/";
        }
        return s;
    }
}
