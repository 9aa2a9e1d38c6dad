package dev.nnc.hls.netlist;

import java.util.List;

/**
 * The hardware part of a hw-level function as a graph: streams, the primitives between them (in
 * the function's op order, which is a topological order), and the sources and sinks where
 * streams meet the host. The emitter builds the top module from this and nothing else.
 */
public record Netlist(List<Stream> streams, List<Endpoint> sources, List<Endpoint> sinks, List<Node> nodes) {
    public Netlist {
        streams = List.copyOf(streams);
        sources = List.copyOf(sources);
        sinks = List.copyOf(sinks);
        nodes = List.copyOf(nodes);
    }

    public Stream stream(int index) {
        return streams.get(index);
    }
}
