package dev.nnc.hls.model;

import java.util.List;

/**
 * The testbench of docs/hardware.md §5 around the top module {@code top}: inputs back to back from
 * cycle 0, out_ready always high, one {@code <cycle> <hex>} line per output beat, {@code cycles n}
 * at the end, and a guard that stops a run with no transfer for {@code idleLimit} cycles.
 */
public record Testbench(String name, String top, String modelName, int resetCycles, long idleLimit,
                        List<TbStream> inputs, List<TbStream> outputs) {
    public Testbench {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
