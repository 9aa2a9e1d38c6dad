package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code Resize} with constant scales/sizes/roi as per-axis tap tables (input index and weight
 * of every tap of every output coordinate), computed by the same {@link ResizeSampler} the
 * interpreter runs, so a code generator can resample without re-deriving ONNX's coordinate rules.
 *
 * @param outShape      the result shape
 * @param axes          the resampled axes, in order
 * @param extrapolation the value of coordinates outside the input (tf_crop_and_resize)
 */
public record ResizeTables(int[] outShape, List<AxisTable> axes, double extrapolation) {

    /**
     * One resampled axis: output coordinate {@code x} reads input indices
     * {@code index[x * taps + j]} with weights {@code weight[x * taps + j]}; index -1 means the
     * coordinate is outside the input (its value is the extrapolation value).
     */
    public record AxisTable(int axis, int in, int out, int taps, int[] index, double[] weight) {
    }

    /** The tables of Resize (opset 10 onward) on input shape {@code in}; null tensors = absent operands. */
    public static ResizeTables of(OpAttributes a, int opset, int[] in, Tensor roi, Tensor scalesT, Tensor sizesT) {
        return of(sampler(a, opset), a.getInts("axes", null), a.getString("keep_aspect_ratio_policy", "stretch"), opset,
                in, roi, scalesT, sizesT);
    }

    /** The sampler of a Resize op's attributes (mode, coordinate transformation, ...). */
    public static ResizeSampler sampler(OpAttributes a, int opset) {
        return ResizeKernels.sampler(a, opset);
    }

    /**
     * The tables from the attributes as plain values, for code that resizes with scales or sizes
     * known only at run time (the CPU backend's {@code ResizeAtRunTime}).
     */
    public static ResizeTables of(ResizeSampler s, long[] axesAttr, String policy, int opset, int[] in, Tensor roi,
                                  Tensor scalesT, Tensor sizesT) {
        double[] scales = ResizeKernels.scalesOf(scalesT);
        long[] sizes = scales == null && sizesT != null ? sizesT.toLongs() : null;
        if (scales == null && sizes == null) {
            throw new IllegalArgumentException("Resize needs scales or sizes");
        }
        ResizeGeometry g = ResizeGeometry.of(in, scales, sizes, axesAttr, policy);
        boolean hasRoi = opset >= 11 && roi != null && roi.size() > 0;
        int r = in.length;
        double[] fullRoi = ResizeKernels.fullRoi(hasRoi ? roi.toDoubles() : null, axesAttr, r);
        boolean f32Roi = hasRoi && roi.elementType() == FloatType.F32;
        List<AxisTable> tables = new ArrayList<>();
        for (int d = 0; d < r; d++) {
            if (!g.active()[d]) {
                continue;
            }
            ResizeSampler.Axis axis = new ResizeSampler.Axis(in[d], g.outShape()[d], g.scales()[d], scales != null,
                    fullRoi[d], fullRoi[r + d], f32Roi);
            int out = g.outShape()[d];
            ResizeSampler.Taps[] taps = new ResizeSampler.Taps[out];
            int width = 1;
            for (int x = 0; x < out; x++) {
                taps[x] = s.taps(x, axis);
                if (taps[x] != null) {
                    width = Math.max(width, taps[x].index().length);
                }
            }
            int[] index = new int[out * width];
            double[] weight = new double[out * width];
            for (int x = 0; x < out; x++) {
                for (int j = 0; j < width; j++) {
                    ResizeSampler.Taps t = taps[x];
                    boolean present = t != null && j < t.index().length;
                    index[x * width + j] = t == null ? -1 : present ? t.index()[j] : 0;
                    weight[x * width + j] = present ? t.weight()[j] : 0;
                }
            }
            tables.add(new AxisTable(d, in[d], out, width, index, weight));
        }
        return new ResizeTables(g.outShape(), tables, s.extrapolation());
    }
}
