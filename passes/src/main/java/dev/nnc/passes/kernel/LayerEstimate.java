package dev.nnc.passes.kernel;

/**
 * The fold pass's estimate for one primitive: its folding, its cycles per frame at full rate
 * (the design's II is the largest of these) and its resources on the device.
 */
public record LayerEstimate(String name, String kind, int simd, int pe, long cycles, Resources resources) {
}
