package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.tensor.Shapes;
import java.util.Arrays;

/**
 * One-dimensional resampling rules of Resize, as in the ONNX reference: an output coordinate is
 * mapped to an input coordinate by the coordinate transformation, then read through a small set
 * of taps (nearest, linear, cubic; widened when antialiasing a downscale) whose indices are
 * clamped to the edge. Resampling an N-d tensor applies this axis by axis, which equals the
 * reference's nested form because every rule is separable.
 *
 * @param mode            nearest, linear or cubic
 * @param coordinateMode  half_pixel, half_pixel_symmetric, pytorch_half_pixel, align_corners,
 *                        asymmetric, tf_crop_and_resize or (opset 11 only) tf_half_pixel_for_nn
 * @param nearestMode     round_prefer_floor, round_prefer_ceil, floor, ceil, or simple (the
 *                        rule of Resize-10 and Upsample: floor, but ceil when downscaling)
 */
public record ResizeSampler(String mode, String coordinateMode, String nearestMode, double cubicA,
                            boolean excludeOutside, boolean antialias, double extrapolation) {

    /** The taps of one output coordinate: input indices and weights, or none (extrapolate). */
    record Taps(int[] index, double[] weight) {
    }

    /**
     * One axis to resample: input size, integer output size, scale, and the roi [start, end] for
     * tf_crop_and_resize. {@code f32Scale} / {@code f32Roi} say the value came from a float32
     * tensor: the reference then computes the output width and roi differences in float32, which
     * decides ties in nearest rounding, so we round there too.
     */
    record Axis(int in, int outInt, double scale, boolean f32Scale, double roiStart, double roiEnd, boolean f32Roi) {
        double f32(double v, boolean yes) {
            return yes ? (float) v : v;
        }
    }

    /** The input coordinate output coordinate {@code x} maps to, or NaN when outside (extrapolate). */
    double sourceCoordinate(int x, Axis a) {
        int in = a.in();
        double scale = a.scale();
        double outW = a.f32(scale * in, a.f32Scale());
        double outWm1 = a.f32(outW - 1, a.f32Scale());
        switch (coordinateMode) {
            case "align_corners":
                return outW == 1 ? 0 : (double) x * (in - 1) / outWm1;
            case "asymmetric":
                return x / scale;
            case "tf_crop_and_resize": {
                double span = a.f32(a.roiEnd() - a.roiStart(), a.f32Roi());
                double offset = a.f32(a.roiStart() * (in - 1), a.f32Roi());
                // with one output the whole expression stays in the roi's precision
                double xo = outW == 1
                        ? a.f32(a.f32(a.f32(span * (in - 1), a.f32Roi()) / 2, a.f32Roi()) + offset, a.f32Roi())
                        : x * span * (in - 1) / outWm1 + offset;
                return xo < 0 || xo > in - 1 ? Double.NaN : xo;
            }
            case "tf_half_pixel_for_nn":
                return (x + 0.5) / scale;
            case "pytorch_half_pixel":
                return outW == 1 ? -0.5 : (x + 0.5) / scale - 0.5;
            case "half_pixel_symmetric": {
                double adjustment = a.outInt() / outW;
                double offset = in / 2.0 * (1 - adjustment);
                return offset + (x + 0.5) / scale - 0.5;
            }
            default:
                return (x + 0.5) / scale - 0.5;
        }
    }

    /**
     * Taps for output coordinate {@code x}, or null when it lies outside the input
     * (tf_crop_and_resize extrapolation). The window is chosen as the reference does: the taps
     * nearest to the coordinate (ties to the lower index) within the input padded by half the
     * window on each side, so near the border it may sit off-centre from the coefficients.
     */
    Taps taps(int x, Axis a) {
        int in = a.in();
        double xo = sourceCoordinate(x, a);
        if (Double.isNaN(xo)) {
            return null;
        }
        boolean integral = xo == Math.floor(xo);
        double ratio = integral ? 1 : xo - Math.floor(xo);
        double[] w = coefficients(ratio, a.scale(), integral);
        int n = w.length;
        int pad = (n + 1) / 2;
        long first = nearestWindow(xo + pad, n, in + 2L * pad) - pad;
        int[] idx = new int[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            long i = first + j;
            if (excludeOutside && (i < 0 || i >= in)) {
                w[j] = 0;
            }
            sum += w[j];
            idx[j] = (int) Math.max(0, Math.min(in - 1, i));
        }
        if (excludeOutside && sum != 0) {
            for (int j = 0; j < n; j++) {
                w[j] /= sum;
            }
        }
        return new Taps(idx, w);
    }

    /** First index of the n integers in [0, limit) nearest to xp, ties to the smaller index. */
    static long nearestWindow(double xp, int n, long limit) {
        long s = (long) Math.floor(xp) - n / 2 + 1;
        while (s > 0 && Math.abs(xp - (s - 1)) <= Math.abs(xp - (s + n - 1))) {
            s--;
        }
        while (s + n < limit && Math.abs(xp - (s + n)) < Math.abs(xp - s)) {
            s++;
        }
        return Math.max(0, Math.min(limit - n, s));
    }

    private double[] coefficients(double ratio, double scale, boolean integral) {
        switch (mode) {
            case "nearest":
                return nearest(ratio, scale, integral);
            case "linear":
                return antialias ? linearAntialias(ratio, Math.min(scale, 1)) : new double[] {1 - ratio, ratio};
            default:
                return antialias ? cubicAntialias(ratio, Math.min(scale, 1)) : cubic(ratio);
        }
    }

    private double[] nearest(double ratio, double scale, boolean integral) {
        boolean up;
        if (integral) {
            up = true;
        } else {
            up = switch (nearestMode) {
                case "round_prefer_ceil" -> ratio >= 0.5;
                case "floor" -> false;
                case "ceil" -> true;
                case "simple" -> scale < 1;
                default -> ratio > 0.5;
            };
        }
        return up ? new double[] {0, 1} : new double[] {1, 0};
    }

    private double[] cubic(double r) {
        double a = cubicA;
        double s = 1 - r;
        return new double[] {
            ((a * (r + 1) - 5 * a) * (r + 1) + 8 * a) * (r + 1) - 4 * a,
            ((a + 2) * r - (a + 3)) * r * r + 1,
            ((a + 2) * s - (a + 3)) * s * s + 1,
            ((a * (s + 1) - 5 * a) * (s + 1) + 8 * a) * (s + 1) - 4 * a};
    }

    private static double[] normalized(double[] c) {
        double sum = 0;
        for (double v : c) {
            sum += v;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static double[] linearAntialias(double ratio, double scale) {
        int start = (int) Math.floor(-1 / scale) + 1;
        int footprint = 2 - 2 * start;
        double[] c = new double[footprint];
        for (int j = 0; j < footprint; j++) {
            c[j] = Math.max(0, Math.min(1, 1 - Math.abs((start + j - ratio) * scale)));
        }
        return normalized(c);
    }

    private double[] cubicAntialias(double ratio, double scale) {
        int iStart = (int) Math.floor(-2 / scale) + 1;
        int iEnd = 2 - iStart;
        double a = cubicA;
        double[] c = new double[iEnd - iStart];
        for (int i = iStart; i < iEnd; i++) {
            double x = Math.abs(scale * (i - ratio));
            double v;
            if (x <= 1) {
                v = (a + 2) * x * x * x - (a + 3) * x * x + 1;
            } else if (x < 2) {
                v = a * x * x * x - 5 * a * x * x + 8 * a * x - 4 * a;
            } else {
                v = 0;
            }
            c[i - iStart] = v;
        }
        return normalized(c);
    }

    /**
     * Resamples axis {@code axis} of a row-major double array of shape {@code shape} to
     * {@code a.outInt()} points; returns the new array (shape with that axis replaced).
     */
    double[] resampleAxis(double[] data, int[] shape, int axis, Axis a) {
        int in = shape[axis];
        int outSize = a.outInt();
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        int[] rest = Arrays.copyOfRange(shape, axis + 1, shape.length);
        int inner = (int) Shapes.size(rest);
        Taps[] taps = new Taps[outSize];
        for (int x = 0; x < outSize; x++) {
            taps[x] = taps(x, a);
        }
        double[] out = new double[outer * outSize * inner];
        for (int o = 0; o < outer; o++) {
            for (int x = 0; x < outSize; x++) {
                Taps t = taps[x];
                int dst = (o * outSize + x) * inner;
                if (t == null) {
                    Arrays.fill(out, dst, dst + inner, extrapolation);
                    continue;
                }
                for (int j = 0; j < t.index().length; j++) {
                    double w = t.weight()[j];
                    if (w == 0) {
                        continue;
                    }
                    int src = (o * in + t.index()[j]) * inner;
                    for (int i = 0; i < inner; i++) {
                        out[dst + i] += w * data[src + i];
                    }
                }
            }
        }
        return out;
    }
}
