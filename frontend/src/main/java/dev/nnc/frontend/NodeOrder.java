package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.ir.diag.NncException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Orders a graph's nodes so every value is defined before it is used. ONNX requires topological
 * order but exporters do not always keep it; among ready nodes the file's order wins, so the result
 * is deterministic and unchanged for files that were already sorted.
 */
final class NodeOrder {
    private NodeOrder() {
    }

    /**
     * The node indices in a valid order.
     *
     * @param local whether a name is a graph input or initializer of this graph (nodes may not redefine it)
     * @param outer whether a name is a value of an enclosing graph (readable, and may be shadowed)
     */
    static List<Integer> sort(List<NodeProto> nodes, Predicate<String> local, Predicate<String> outer, String file) {
        Map<String, Integer> producer = producers(nodes, local, file);
        List<Set<Integer>> deps = new ArrayList<>();
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            users.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            Set<Integer> d = new LinkedHashSet<>();
            List<String> reads = new ArrayList<>(nodes.get(i).getInputList());
            reads.addAll(Captures.of(nodes.get(i)));
            for (String in : reads) {
                Integer p = producer.get(in);
                if (in.isEmpty() || local.test(in) || p == null && outer.test(in)) {
                    continue;
                }
                if (p == null) {
                    throw new NncException(file + ": " + display(nodes.get(i), i) + " reads '" + in
                            + "', which no node, graph input or initializer defines");
                }
                if (d.add(p)) {
                    users.get(p).add(i);
                }
            }
            deps.add(d);
        }
        int[] waiting = deps.stream().mapToInt(Set::size).toArray();
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            int n = ready.poll();
            order.add(n);
            for (int u : users.get(n)) {
                if (--waiting[u] == 0) {
                    ready.add(u);
                }
            }
        }
        if (order.size() < nodes.size()) {
            throw cycle(nodes, deps, waiting, file);
        }
        return order;
    }

    private static Map<String, Integer> producers(List<NodeProto> nodes, Predicate<String> defined, String file) {
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String out : nodes.get(i).getOutputList()) {
                if (out.isEmpty()) {
                    continue;
                }
                Integer before = producer.putIfAbsent(out, i);
                if (before != null || defined.test(out)) {
                    String other = before != null ? display(nodes.get(before), before) : "a graph input or initializer";
                    throw new NncException(file + ": value '" + out + "' is defined twice, by " + other
                            + " and by " + display(nodes.get(i), i));
                }
            }
        }
        return producer;
    }

    /** Walks unfinished dependencies from the first stuck node until one repeats: that one is on a cycle. */
    private static NncException cycle(List<NodeProto> nodes, List<Set<Integer>> deps, int[] waiting, String file) {
        int start = 0;
        while (waiting[start] == 0) {
            start++;
        }
        List<Integer> path = new ArrayList<>();
        int cur = start;
        while (!path.contains(cur)) {
            path.add(cur);
            for (int d : deps.get(cur)) {
                if (waiting[d] > 0) {
                    cur = d;
                    break;
                }
            }
        }
        List<Integer> loop = new ArrayList<>(path.subList(path.indexOf(cur), path.size()));
        java.util.Collections.reverse(loop);
        StringBuilder sb = new StringBuilder();
        for (int n : loop) {
            sb.append(name(nodes.get(n), n)).append(" -> ");
        }
        sb.append(name(nodes.get(loop.get(0)), loop.get(0)));
        return new NncException(file + ": graph has a cycle through " + display(nodes.get(cur), cur) + " (" + sb + ")");
    }

    /** A node's name, or {@code <op_type>_<index>} when it has none. */
    static String name(NodeProto n, int index) {
        return n.getName().isEmpty() ? n.getOpType() + "_" + index : n.getName();
    }

    /** {@code node 'conv1' (Conv)}, the way errors name a node. */
    static String display(NodeProto n, int index) {
        return "node '" + name(n, index) + "' (" + n.getOpType() + ")";
    }
}
