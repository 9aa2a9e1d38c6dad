package dev.nnc.hls.model;

import java.util.List;

/**
 * How one model input or output appears at the top module, for whoever drives the RTL (the
 * testbench, {@code nnc sim --engine verilator}, a user's own harness): the port base name, the
 * testbench file, and the stream's beat layout.
 *
 * @param name          the model's input/output name
 * @param port          port base: signals {@code <port>_valid}, {@code <port>_ready}, {@code <port>_data}
 * @param file          the testbench file under {@code tb/}: {@code input_<port>.hex} or {@code output_<port>.txt}
 * @param lanes         elements per beat (lane i at bits {@code [i*W +: W]})
 * @param elementBits   W, the bits of one element
 * @param element       the element type as the IR spells it
 * @param shape         the host tensor's shape
 * @param perm          the tensor's dims in stream order
 * @param beatsPerFrame beats of one tensor
 */
public record StreamInterface(String name, String port, String file, int lanes, int elementBits, String element,
                              List<Long> shape, List<Long> perm, long beatsPerFrame) {
    public StreamInterface {
        shape = List.copyOf(shape);
        perm = List.copyOf(perm);
    }
}
