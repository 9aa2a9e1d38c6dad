package dev.nnc.passes;

/**
 * The levels of the IR, in lowering order. A module is at one stage at a time; passes say which
 * stages they accept and which they produce, so a pipeline in the wrong order is rejected before
 * anything runs.
 */
public enum IrStage {
    /** ONNX ops as imported (float). */
    ONNX,
    /** ONNX ops with fixed-point types and {@code q} ops. */
    Q,
    /** Streaming kernels with parallelism. */
    KERNEL,
    /** Modules, streams, FIFOs, memories. */
    HW;

    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
