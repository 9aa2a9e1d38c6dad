package dev.nnc.cpu.runtime;

/**
 * The activation a convolution or GEMM applies as it stores its result: {@code min(max(v, lo), hi)}.
 * Relu and Clip are this; {@link #NONE} stores the value as computed.
 */
public record Clamp(float lo, float hi) {
    public static final Clamp NONE = new Clamp(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
    public static final Clamp RELU = new Clamp(0f, Float.POSITIVE_INFINITY);
}
