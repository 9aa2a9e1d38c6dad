package dev.nnc.hls.netlist;

import java.util.List;

/**
 * Where a stream meets the host: a {@code hw.source} (a model input entering the design) or a
 * {@code hw.sink} (a model output leaving it). {@code name} is the model's input or output name
 * as the ONNX file has it; {@code stream} the index of the stream in {@link Netlist#streams}.
 *
 * @param shape the host-side tensor's shape (e.g. NCHW)
 * @param perm  the hw op's {@code perm}: tensor dims in stream order
 * @param beatsPerFrame beats of one frame (one input tensor) on this stream
 */
public record Endpoint(String name, int stream, List<Long> shape, List<Long> perm, long beatsPerFrame) {
    public Endpoint {
        shape = List.copyOf(shape);
        perm = List.copyOf(perm);
    }
}
