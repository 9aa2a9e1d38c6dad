package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;

/**
 * {@code RoiAlign}: each region of interest [x1, y1, x2, y2] (scaled by {@code spatial_scale},
 * shifted by half a pixel in {@code half_pixel} mode) is cut into output_height × output_width
 * bins, each sampled on a grid of bilinear taps ({@code sampling_ratio}, or ceil(roi/bins) when 0).
 * {@code avg} averages the taps; {@code max} takes the largest weighted corner value, as
 * onnxruntime (the reference) does.
 */
final class RoiAlign {
    private RoiAlign() {
    }

    static Tensor run(EvalContext ctx) {
        Tensor x = ctx.input(0);
        Tensor rois = ctx.input(1);
        long[] batchIdx = ctx.input(2).toLongs();
        if (x.rank() != 4 || rois.rank() != 2 || rois.dim(1) != 4 || rois.dim(0) != batchIdx.length) {
            throw ctx.error("X must be [N, C, H, W], rois [R, 4] and batch_indices [R]");
        }
        int c = x.dim(1);
        int h = x.dim(2);
        int w = x.dim(3);
        int oh = ctx.attrs().getInt32("output_height", 1);
        int ow = ctx.attrs().getInt32("output_width", 1);
        long ratio = ctx.attrs().getInt("sampling_ratio", 0);
        double scale = ctx.attrs().getFloat("spatial_scale", 1.0);
        boolean max = ctx.attrs().getString("mode", "avg").equals("max");
        // RoiAlign-10 had no such attribute and behaved as output_half_pixel; 16 made half_pixel the default
        String ctm = ctx.attrs().getString("coordinate_transformation_mode", ctx.opset() >= 16 ? "half_pixel" : "output_half_pixel");
        boolean halfPixel = ctm.equals("half_pixel");
        double offset = halfPixel ? 0.5 : 0;
        double[] in = x.toDoubles();
        double[] r = rois.toDoubles();
        int nr = rois.dim(0);
        double[] out = new double[nr * c * oh * ow];
        for (int n = 0; n < nr; n++) {
            int b = (int) batchIdx[n];
            if (b < 0 || b >= x.dim(0)) {
                throw ctx.error("batch index " + b + " outside [0, " + x.dim(0) + ")");
            }
            double sw = r[n * 4] * scale - offset;
            double sh = r[n * 4 + 1] * scale - offset;
            double rw = r[n * 4 + 2] * scale - offset - sw;
            double rh = r[n * 4 + 3] * scale - offset - sh;
            if (!halfPixel) {
                rw = Math.max(rw, 1);
                rh = Math.max(rh, 1);
            }
            double bh = rh / oh;
            double bw = rw / ow;
            int gh = (int) (ratio > 0 ? ratio : Math.ceil(rh / oh));
            int gw = (int) (ratio > 0 ? ratio : Math.ceil(rw / ow));
            int count = Math.max(gh * gw, 1);
            for (int ch = 0; ch < c; ch++) {
                int plane = (b * c + ch) * h * w;
                for (int ph = 0; ph < oh; ph++) {
                    for (int pw = 0; pw < ow; pw++) {
                        double acc = 0;
                        boolean first = true;
                        for (int iy = 0; iy < gh; iy++) {
                            double y = sh + ph * bh + (iy + 0.5) * bh / gh;
                            for (int ix = 0; ix < gw; ix++) {
                                double xx = sw + pw * bw + (ix + 0.5) * bw / gw;
                                double v = sample(in, plane, h, w, y, xx, max);
                                if (max) {
                                    acc = first ? v : Math.max(acc, v);
                                    first = false;
                                } else {
                                    acc += v;
                                }
                            }
                        }
                        out[((n * c + ch) * oh + ph) * ow + pw] = max ? acc : acc / count;
                    }
                }
            }
        }
        return Tensor.ofDoubles(x.elementType(), new int[] {nr, c, oh, ow}, out);
    }

    /** Bilinear tap at (y, x): the weighted sum, or for max mode the largest weighted corner. */
    private static double sample(double[] in, int plane, int h, int w, double y, double x, boolean max) {
        if (y < -1.0 || y > h || x < -1.0 || x > w) {
            return 0;
        }
        y = Math.max(y, 0);
        x = Math.max(x, 0);
        int yl = (int) y;
        int xl = (int) x;
        int yh;
        int xh;
        if (yl >= h - 1) {
            yh = yl = h - 1;
            y = yl;
        } else {
            yh = yl + 1;
        }
        if (xl >= w - 1) {
            xh = xl = w - 1;
            x = xl;
        } else {
            xh = xl + 1;
        }
        double ly = y - yl;
        double lx = x - xl;
        double hy = 1 - ly;
        double hx = 1 - lx;
        double v1 = hy * hx * in[plane + yl * w + xl];
        double v2 = hy * lx * in[plane + yl * w + xh];
        double v3 = ly * hx * in[plane + yh * w + xl];
        double v4 = ly * lx * in[plane + yh * w + xh];
        return max ? Math.max(Math.max(v1, v2), Math.max(v3, v4)) : v1 + v2 + v3 + v4;
    }
}
