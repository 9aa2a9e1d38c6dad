package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.OnnxDomains;
import dev.nnc.ir.spec.DialectRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before anything is built, that every node of a model (subgraphs included) is an op of
 * a domain the importer maps (see {@link OnnxDomains}) that the registry knows, and reports all that are not in one line:
 * {@code model.onnx: unsupported ops: Foo (nodes n1, n2), com.x.Bar (node n3)}.
 */
final class SupportedOps {
    private SupportedOps() {
    }

    static void check(GraphProto g, DialectRegistry registry, String file) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        collect(g, registry, missing);
        if (missing.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        missing.forEach((op, users) -> parts.add(op + " (" + nodeList(users) + ")"));
        throw new NncException(file + ": unsupported ops: " + String.join(", ", parts));
    }

    /** {@code node a}, {@code nodes a, b, c}, or {@code nodes a, b, c and 39 more}: long lists would bury the op names. */
    private static String nodeList(List<String> users) {
        if (users.size() == 1) {
            return "node " + users.get(0);
        }
        String shown = String.join(", ", users.subList(0, Math.min(3, users.size())));
        return "nodes " + shown + (users.size() > 3 ? " and " + (users.size() - 3) + " more" : "");
    }

    /** How errors name an op: {@code Conv}, or {@code com.microsoft.FusedConv} outside the default domain. */
    static String qualifiedName(String domain, String opType) {
        return OnnxDomains.canonical(domain).isEmpty() ? opType : domain + "." + opType;
    }

    private static void collect(GraphProto g, DialectRegistry registry, Map<String, List<String>> missing) {
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            if (!OnnxDomains.mapped(n.getDomain()) || registry.lookup(OnnxDomains.opName(n.getDomain(), n.getOpType())).isEmpty()) {
                missing.computeIfAbsent(qualifiedName(n.getDomain(), n.getOpType()), k -> new ArrayList<>())
                        .add(NodeOrder.name(n, i));
            }
            for (GraphProto sub : Captures.subgraphs(n)) {
                collect(sub, registry, missing);
            }
        }
    }
}
