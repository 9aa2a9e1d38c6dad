package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.List;

/**
 * {@code Resize} (opsets 10-19: scales or sizes, axes, keep_aspect_ratio_policy, every mode and
 * coordinate transformation, antialias) and the deprecated {@code Upsample}. Resize-10 and
 * Upsample use asymmetric coordinates and the legacy nearest rule.
 */
public final class ResizeKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/resize.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Resize", ShapeVerifiers.all(ShapeVerifiers.oneOf("mode", "nearest", "linear", "cubic"),
                ShapeVerifiers.oneOf("coordinate_transformation_mode", "half_pixel", "half_pixel_symmetric", "pytorch_half_pixel",
                        "align_corners", "asymmetric", "tf_crop_and_resize", "tf_half_pixel_for_nn"),
                ShapeVerifiers.oneOf("nearest_mode", "round_prefer_floor", "round_prefer_ceil", "floor", "ceil"),
                ShapeVerifiers.oneOf("keep_aspect_ratio_policy", "stretch", "not_larger", "not_smaller")), ctx -> ShapeArgs.one(inferResize(ctx)), ctx -> List.of(resize(ctx)));
        t.op("Upsample", ShapeVerifiers.oneOf("mode", "nearest", "linear", "bilinear"), ctx -> ShapeArgs.one(inferUpsample(ctx)), ctx -> List.of(upsample(ctx)));
    }

    static ResizeSampler sampler(OpAttributes a, int opset) {
        String mode = a.getString("mode", "nearest");
        if (!List.of("nearest", "linear", "cubic").contains(mode)) {
            throw new IllegalArgumentException("unknown mode '" + mode + "'");
        }
        if (opset < 11) {
            return new ResizeSampler(mode, "asymmetric", "simple", -0.75, false, false, 0);
        }
        String coord = a.getString("coordinate_transformation_mode", "half_pixel");
        if (!List.of("half_pixel", "half_pixel_symmetric", "pytorch_half_pixel", "align_corners", "asymmetric",
                "tf_crop_and_resize", "tf_half_pixel_for_nn").contains(coord)) {
            throw new IllegalArgumentException("unknown coordinate_transformation_mode '" + coord + "'");
        }
        boolean antialias = a.getInt("antialias", 0) != 0;
        if (antialias && mode.equals("nearest")) {
            throw new IllegalArgumentException("antialias is not defined for mode nearest");
        }
        String nearest = a.getString("nearest_mode", "round_prefer_floor");
        if (!List.of("round_prefer_floor", "round_prefer_ceil", "floor", "ceil").contains(nearest)) {
            throw new IllegalArgumentException("unknown nearest_mode '" + nearest + "'");
        }
        return new ResizeSampler(mode, coord, nearest,
                a.getFloat("cubic_coeff_a", -0.75), a.getInt("exclude_outside", 0) != 0, antialias,
                a.getFloat("extrapolation_value", 0));
    }

    /** Scales (input 2, or 1 for Resize-10) when given and non-empty, else null. */
    static double[] scalesOf(Tensor t) {
        return t == null || t.size() == 0 ? null : t.toDoubles();
    }

    private static Tensor resize(EvalContext ctx) {
        Tensor x = ctx.input(0);
        try {
            ResizeSampler s = sampler(ctx.attrs(), ctx.opset());
            double[] scales = scalesOf(ctx.input(ctx.opset() < 11 ? 1 : 2));
            long[] sizes = scales == null ? ShapeArgs.longs(ctx, 3) : null;
            if (scales == null && sizes == null) {
                throw new IllegalArgumentException("Resize needs scales or sizes");
            }
            long[] axes = ctx.attrs().getInts("axes", null);
            ResizeGeometry g = ResizeGeometry.of(x.shape(), scales, sizes, axes,
                    ctx.attrs().getString("keep_aspect_ratio_policy", "stretch"));
            ShapeArgs.checkSize(ctx, g.outShape());
            Tensor roi = ctx.opset() < 11 ? null : ctx.input(1);
            boolean hasRoi = roi != null && roi.size() > 0;
            return run(x, g, s, fullRoi(hasRoi ? roi.toDoubles() : null, axes, x.rank()), scales != null,
                    hasRoi && roi.elementType() == FloatType.F32);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
    }

    /** ROI as [starts..., ends...] over all axes; axes not listed get [0, 1]. */
    static double[] fullRoi(double[] roi, long[] axes, int r) {
        double[] full = new double[2 * r];
        for (int d = 0; d < r; d++) {
            full[r + d] = 1;
        }
        if (roi == null) {
            return full;
        }
        int n = axes == null ? r : axes.length;
        if (roi.length != 2 * n) {
            throw new IllegalArgumentException("roi has " + roi.length + " entries, expected " + 2 * n);
        }
        for (int i = 0; i < n; i++) {
            int a = axes == null ? i : ShapeArgs.axisOrMinus1(axes[i], r);
            full[a] = roi[i];
            full[r + a] = roi[n + i];
        }
        return full;
    }

    /** Resamples every active axis in turn, then converts to the input's element type. */
    static Tensor run(Tensor x, ResizeGeometry g, ResizeSampler s, double[] roi, boolean f32Scales, boolean f32Roi) {
        if (x.isStrings()) {
            throw new IllegalArgumentException("cannot resize a string tensor");
        }
        int r = x.rank();
        int[] shape = x.shape();
        double[] data = x.toDoubles();
        for (int d = 0; d < r; d++) {
            if (!g.active()[d]) {
                continue;
            }
            data = s.resampleAxis(data, shape, d, new ResizeSampler.Axis(shape[d], g.outShape()[d], g.scales()[d], f32Scales,
                    roi[d], roi[r + d], f32Roi));
            shape[d] = g.outShape()[d];
        }
        if (x.isDoubles()) {
            return Tensor.ofDoubles(x.elementType(), shape, data);
        }
        long[] l = new long[data.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (long) data[i];
        }
        return Tensor.ofLongs(x.elementType(), shape, l);
    }

    private static Type inferResize(InferContext ctx) {
        TensorType x = ShapeArgs.fixed(ctx, 0);
        if (x == null) {
            return ShapeArgs.ofRank(ShapeArgs.element(ctx, 0), ShapeArgs.rank(ctx, 0));
        }
        int scalesInput = ctx.opset() < 11 ? 1 : 2;
        Tensor sc = ShapeArgs.constant(ctx, scalesInput);
        double[] scales = sc == null ? null : scalesOf(sc);
        long[] sizes = null;
        if (scales == null) {
            if (ShapeArgs.present(ctx, scalesInput) && sc == null && !isEmpty(ctx, scalesInput)) {
                return ShapeArgs.ofRank(x.elementType(), x.rank());
            }
            sizes = ShapeArgs.constantLongs(ctx, 3);
            if (sizes == null) {
                return ShapeArgs.ofRank(x.elementType(), x.rank());
            }
        }
        try {
            return TensorType.of(x.elementType(), ResizeGeometry.of(x.shape(), scales, sizes, ctx.attrs().getInts("axes", null),
                    ctx.attrs().getString("keep_aspect_ratio_policy", "stretch")).outShape());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean isEmpty(InferContext ctx, int i) {
        return ctx.operandType(i) instanceof TensorType t && t.elementCount() == 0;
    }

    private static double[] upsampleScales(EvalContext ctx) {
        return ctx.opset() < 9 ? ctx.attrs().getFloats("scales", null) : scalesOf(ctx.input(1));
    }

    private static Tensor upsample(EvalContext ctx) {
        Tensor x = ctx.input(0);
        double[] scales = upsampleScales(ctx);
        if (scales == null) {
            throw ctx.error("Upsample needs scales");
        }
        String mode = ctx.attrs().getString("mode", "nearest");
        String m = mode.equals("bilinear") ? "linear" : mode;
        if (!m.equals("nearest") && !m.equals("linear")) {
            throw ctx.error("unknown mode '" + mode + "'");
        }
        try {
            ResizeGeometry g = ResizeGeometry.of(x.shape(), scales, null, null, "stretch");
            ShapeArgs.checkSize(ctx, g.outShape());
            return run(x, g, new ResizeSampler(m, "asymmetric", "simple", -0.75, false, false, 0), fullRoi(null, null, x.rank()), true, false);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
    }

    private static Type inferUpsample(InferContext ctx) {
        TensorType x = ShapeArgs.fixed(ctx, 0);
        double[] scales;
        if (ctx.opset() < 9) {
            scales = ctx.attrs().getFloats("scales", null);
        } else {
            Tensor c = ShapeArgs.constant(ctx, 1);
            scales = c == null ? null : c.toDoubles();
        }
        if (x == null || scales == null) {
            return ShapeArgs.ofRank(ShapeArgs.element(ctx, 0), ShapeArgs.rank(ctx, 0));
        }
        try {
            return TensorType.of(x.elementType(), ResizeGeometry.of(x.shape(), scales, null, null, "stretch").outShape());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }
}
