package dev.nnc.hls.model;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything emitted for one hw-level function: the top module and its testbench (as output
 * models), the memory files ({@code rtl/} file name → hex words), the primitive RTL sources the
 * top instantiates (resource names under {@code dev/nnc/hls/rtl/}), and the stream interface.
 */
public record Design(TopModule top, Testbench testbench, SortedMap<String, List<String>> memoryFiles,
                     List<String> sources, List<StreamInterface> inputs, List<StreamInterface> outputs) {
    public Design {
        memoryFiles = new TreeMap<>(memoryFiles);
        sources = List.copyOf(sources);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
