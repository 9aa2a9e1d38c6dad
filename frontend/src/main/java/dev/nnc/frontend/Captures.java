package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.frontend.proto.Onnx.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a node's subgraphs read from enclosing graphs. They are inputs of the node as much as
 * its listed inputs: the node must come after whatever defines them.
 */
final class Captures {
    private Captures() {
    }

    /** Outer names read by the subgraphs of {@code node}, in first-use order; empty without subgraphs. */
    static Set<String> of(NodeProto node) {
        Set<String> out = new LinkedHashSet<>();
        for (GraphProto g : subgraphs(node)) {
            out.addAll(freeNames(g));
        }
        return out;
    }

    /** The graph attributes of a node (GRAPH and GRAPHS), in attribute order. */
    static List<GraphProto> subgraphs(NodeProto node) {
        List<GraphProto> gs = new ArrayList<>();
        for (AttributeProto a : node.getAttributeList()) {
            if (a.hasG()) {
                gs.add(a.getG());
            }
            gs.addAll(a.getGraphsList());
        }
        return gs;
    }

    private static Set<String> freeNames(GraphProto g) {
        Set<String> local = new HashSet<>();
        g.getInputList().stream().map(ValueInfoProto::getName).forEach(local::add);
        g.getInitializerList().stream().map(TensorProto::getName).forEach(local::add);
        g.getNodeList().forEach(n -> local.addAll(n.getOutputList()));
        Set<String> free = new LinkedHashSet<>();
        for (NodeProto n : g.getNodeList()) {
            for (String in : n.getInputList()) {
                if (!in.isEmpty() && !local.contains(in)) {
                    free.add(in);
                }
            }
            for (String inner : of(n)) {
                if (!local.contains(inner)) {
                    free.add(inner);
                }
            }
        }
        for (ValueInfoProto o : g.getOutputList()) {
            if (!local.contains(o.getName())) {
                free.add(o.getName());
            }
        }
        return free;
    }
}
