package dev.nnc.hls.design;

import dev.nnc.hls.netlist.Endpoint;
import dev.nnc.hls.netlist.Netlist;
import dev.nnc.hls.netlist.Node;
import dev.nnc.hls.netlist.Stream;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-built netlists of the fake primitives ({@link dev.nnc.hls.FakePrimitives}). */
public final class TestNetlists {
    static final List<Long> MEM1 = List.of(1L, 2L, 3L, 4L);
    static final List<Long> MEM2 = List.of(0x10L, 0x20L, 0x30L);

    private TestNetlists() {
    }

    /**
     * source 'input.1' (2 lanes of 8 bits, 3 beats a frame) → addmem 'conv/1' → fork → (addmem
     * 'module' | straight) → join → sink 'output'; per lane y = (x + m1) + ((x + m1) + m2) mod 256.
     */
    public static Netlist residual() {
        Stream s = new Stream(2, 8, "fixed<8,4>");
        List<Stream> streams = List.of(s, s, s, s, s, s);
        Node a = new Node(op("hw.addmem", "conv/1", MEM1), "conv/1", List.of(0), List.of(1));
        Node f = new Node(op("hw.tfork", "conv/1", null), "conv/1", List.of(1), List.of(2, 3));
        Node b = new Node(op("hw.addmem", "module", MEM2), "module", List.of(2), List.of(4));
        Node j = new Node(op("hw.join", "add", null), "add", List.of(4, 3), List.of(5));
        Endpoint in = new Endpoint("input.1", 0, List.of(1L, 6L), List.of(0L, 1L), 3);
        Endpoint out = new Endpoint("output", 5, List.of(1L, 6L), List.of(0L, 1L), 3);
        return new Netlist(streams, List.of(in), List.of(out), List.of(a, f, b, j));
    }

    /** source 'x' → stall → sink 'y': a design that never outputs. */
    static Netlist stalled() {
        Stream s = new Stream(2, 8, "fixed<8,4>");
        Node n = new Node(op("hw.stall", "hole", null), "hole", List.of(0), List.of(1));
        Endpoint in = new Endpoint("x", 0, List.of(1L, 6L), List.of(0L, 1L), 3);
        Endpoint out = new Endpoint("y", 1, List.of(1L, 6L), List.of(0L, 1L), 3);
        return new Netlist(List.of(s, s), List.of(in), List.of(out), List.of(n));
    }

    /** Expected output beats (lanes packed, lane 0 low) for input beats {@code x} of {@link #residual}. */
    static long[] residualOutputs(long[] x) {
        long[] y = new long[x.length];
        for (int k = 0; k < x.length; k++) {
            long out = 0;
            for (int lane = 0; lane < 2; lane++) {
                long v = (x[k] >> (8 * lane)) & 0xff;
                long a = (v + MEM1.get(k % MEM1.size())) & 0xff;
                long b = (a + MEM2.get(k % MEM2.size())) & 0xff;
                out |= ((a + b) & 0xff) << (8 * lane);
            }
            y[k] = out;
        }
        return y;
    }

    static Operation op(String name, String node, List<Long> mem) {
        Map<String, Attribute> props = new HashMap<>();
        props.put("lanes", new Attribute.IntAttr(2));
        props.put("w", new Attribute.IntAttr(8));
        if (mem != null) {
            props.put("mem", new Attribute.ArrayAttr(mem.stream().map(v -> (Attribute) new Attribute.IntAttr(v)).toList()));
        }
        return Operation.create(name, List.of(), List.of(), props, Location.named(node));
    }
}
