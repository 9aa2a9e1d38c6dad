package dev.nnc.hls.report;

/**
 * The fold pass's estimate for one layer of the design, as the report prints it.
 *
 * @param name   the layer's ONNX node name (or the op's result name)
 * @param kind   the primitive, e.g. {@code mvau}
 * @param pe     output parallelism (1 where it does not apply)
 * @param simd   input parallelism
 * @param cycles cycles per frame
 * @param use    resources
 */
public record LayerEstimate(String name, String kind, int pe, int simd, long cycles, Resources use) {
}
