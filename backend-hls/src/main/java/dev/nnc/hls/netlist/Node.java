package dev.nnc.hls.netlist;

import dev.nnc.ir.core.Operation;
import java.util.List;

/**
 * One hardware primitive of the design: the hw op it came from, a readable name for it (the ONNX
 * node or tensor name it was lowered from, not yet legal Verilog), and the indices of the streams
 * it reads and writes, in operand and result order.
 */
public record Node(Operation op, String name, List<Integer> inputs, List<Integer> outputs) {
    public Node {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The op without its dialect, e.g. {@code mvau} for {@code hw.mvau}. */
    public String kind() {
        return op.opName();
    }
}
