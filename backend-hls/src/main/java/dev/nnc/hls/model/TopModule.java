package dev.nnc.hls.model;

import java.util.List;

/**
 * The top-level module of a design: one stream port per model input and output, a wire triple
 * per internal stream, one instance per primitive, and the assigns that feed the output ports.
 * Everything the template prints is computed here; the template only lays it out.
 */
public record TopModule(String name, String modelName, List<Port> ports, List<Wire> wires,
                        List<Instance> instances, List<SinkAssign> sinkAssigns) {
    public TopModule {
        ports = List.copyOf(ports);
        wires = List.copyOf(wires);
        instances = List.copyOf(instances);
        sinkAssigns = List.copyOf(sinkAssigns);
    }
}
