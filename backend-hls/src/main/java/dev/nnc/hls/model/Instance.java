package dev.nnc.hls.model;

import java.util.List;

/** One instance of a primitive module in the top module. */
public record Instance(String module, String name, String comment, List<Param> params, List<Binding> bindings) {
    public Instance {
        params = List.copyOf(params);
        bindings = List.copyOf(bindings);
    }
}
