package dev.nnc.cpu.runtime;

/**
 * The inner loop of a 3x3 depthwise layer over one channel in a {@link PaddedPlane}, as one
 * unit-stride run: {@code z[zOff + i] = bias + sum over c < 3 of w[c] * a[aOff + i + c]
 * + w[3 + c] * a[aOff + r1 + i + c] + w[6 + c] * a[aOff + r2 + i + c]} for i in [0, n), where r1 and
 * r2 are the distances from the first kernel row to the second and third, each value then
 * clamped to [lo, hi] (the layer's fused Relu or Clip; infinite bounds for none). Two implementations:
 * the scalar one in {@link Depthwise} and one written with {@code jdk.incubator.vector}, loaded
 * only when that module is present ({@link VectorSupport}).
 */
public interface DepthwiseKernel {
    void taps3x3(float[] a, int aOff, int r1, int r2, float[] w, int wOff, float bias, float lo, float hi,
                 float[] z, int zOff, int n);
}
