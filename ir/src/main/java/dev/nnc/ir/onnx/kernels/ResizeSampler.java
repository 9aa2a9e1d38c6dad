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
     * Taps for output coordinate {@code x} on an axis of input size {@code in}, output size
     * {@code outInt}, scale {@code scale}; roi is {@code [start, end]} for tf_crop_and_resize.
     * Returns null when the point lies outside the input (tf_crop_and_resize extrapolation).
     */
    Taps taps(int x, int in, int outInt, double scale, double roiStart, double roiEnd) {
        double outW = scale * in;
        double xo;
        switch (coordinateMode) {
            case "align_corners":
                xo = outW == 1 ? 0 : x * (in - 1) / (outW - 1);
                break;
            case "asymmetric":
                xo = x / scale;
                break;
            case "tf_crop_and_resize":
                xo = outW == 1 ? (roiEnd - roiStart) * (in - 1) / 2 : x * (roiEnd - roiStart) * (in - 1) / (outW - 1);
                xo += roiStart * (in - 1);
                if (xo < 0 || xo > in - 1) {
                    return null;
                }
                break;
            case "tf_half_pixel_for_nn":
                xo = (x + 0.5) / scale;
                break;
            case "pytorch_half_pixel":
                xo = outW == 1 ? -0.5 : (x + 0.5) / scale - 0.5;
                break;
            case "half_pixel_symmetric": {
                double adjustment = outInt / outW;
                double offset = in / 2.0 * (1 - adjustment);
                xo = offset + (x + 0.5) / scale - 0.5;
                break;
            }
            default:
                xo = (x + 0.5) / scale - 0.5;
        }
        boolean integral = xo == Math.floor(xo);
        long base = integral ? (long) xo - 1 : (long) Math.floor(xo);
        double ratio = integral ? 1 : xo - Math.floor(xo);
        double[] w = coefficients(ratio, scale, integral);
        int start = -(w.length / 2 - 1);
        int[] idx = new int[w.length];
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            long i = base + start + j;
            if (excludeOutside && (i < 0 || i >= in)) {
                w[j] = 0;
            }
            sum += w[j];
            idx[j] = (int) Math.max(0, Math.min(in - 1, i));
        }
        if (excludeOutside && sum != 0) {
            for (int j = 0; j < w.length; j++) {
                w[j] /= sum;
            }
        }
        return new Taps(idx, w);
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
     * {@code outSize} points; returns the new array (shape with that axis replaced).
     */
    double[] resampleAxis(double[] data, int[] shape, int axis, int outSize, double scale, double roiStart, double roiEnd) {
        int in = shape[axis];
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        int[] rest = Arrays.copyOfRange(shape, axis + 1, shape.length);
        int inner = (int) Shapes.size(rest);
        Taps[] taps = new Taps[outSize];
        for (int x = 0; x < outSize; x++) {
            taps[x] = taps(x, in, outSize, scale, roiStart, roiEnd);
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
