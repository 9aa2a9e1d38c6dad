package dev.nnc.cpu.runtime;

import dev.nnc.ir.onnx.kernels.ResizeSampler;
import dev.nnc.ir.onnx.kernels.ResizeTables;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.util.Arrays;

/**
 * {@code Resize} whose roi, scales or sizes are values of the model (not constants): on every run
 * the tap tables come from the interpreter's own sampler ({@link ResizeTables}) for the values
 * given, then each resampled axis is one {@link Resample#axis} pass. The result shape is static,
 * so values that would change it are an error.
 */
public final class ResizeAtRunTime {
    private final ResizeSampler sampler;
    private final long[] axes;
    private final String policy;
    private final int opset;

    /** The op's attributes; {@code axes} may be null (every axis). */
    public ResizeAtRunTime(String mode, String coordinateMode, String nearestMode, double cubicA, boolean excludeOutside,
                           boolean antialias, double extrapolation, long[] axes, String policy, int opset) {
        this.sampler = new ResizeSampler(mode, coordinateMode, nearestMode, cubicA, excludeOutside, antialias, extrapolation);
        this.axes = axes;
        this.policy = policy;
        this.opset = opset;
    }

    /** Resizes {@code x} of {@code shape} into {@code y} of {@code outShape}; null arrays are absent operands. */
    public void apply(float[] x, int[] shape, float[] y, int[] outShape, Object roi, float[] scales, long[] sizes) {
        ResizeTables tables;
        try {
            tables = ResizeTables.of(sampler, axes, policy, opset, shape, roi == null ? null : floats(roi),
                    scales == null ? null : Tensor.ofDoubles(FloatType.F32, new int[] {scales.length}, Elements.doubles(scales)),
                    sizes == null ? null : Tensor.ofLongs(IntegerType.I64, new int[] {sizes.length}, sizes));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ModelInputError("Resize: " + e.getMessage());
        }
        if (!Arrays.equals(tables.outShape(), outShape)) {
            throw new ModelInputError("Resize: these scales/sizes give shape " + Arrays.toString(tables.outShape())
                    + ", but the model was compiled for " + Arrays.toString(outShape));
        }
        if (tables.axes().isEmpty()) {
            System.arraycopy(x, 0, y, 0, y.length);
            return;
        }
        float[] current = x;
        int[] cur = shape.clone();
        for (int k = 0; k < tables.axes().size(); k++) {
            ResizeTables.AxisTable t = tables.axes().get(k);
            int outer = Elements.product(cur, 0, t.axis());
            int inner = Elements.product(cur, t.axis() + 1, cur.length);
            cur[t.axis()] = t.out();
            float[] dest = k == tables.axes().size() - 1 ? y : new float[Elements.product(cur, 0, cur.length)];
            float[] weight = new float[t.weight().length];
            for (int i = 0; i < weight.length; i++) {
                weight[i] = (float) t.weight()[i];
            }
            Resample.axis(current, dest, outer, t.in(), inner, t.out(), t.taps(), t.index(), weight,
                    (float) tables.extrapolation());
            current = dest;
        }
    }

    private static Tensor floats(Object a) {
        double[] d = Elements.doubles(a);
        return Tensor.ofDoubles(a instanceof float[] ? FloatType.F32 : FloatType.F64, new int[] {d.length}, d);
    }
}
