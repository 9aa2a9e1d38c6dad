package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/**
 * {@code DeformConv} (2-D): each kernel tap samples the input at its regular position plus a
 * learned offset, by bilinear interpolation with zeros outside the image (GridSample with
 * align_corners), optionally scaled by a mask. Offsets are [N, offset_group * kH * kW * 2, oH, oW]
 * (dy before dx); the output spatial size is the offset's.
 */
final class DeformConv {
    private DeformConv() {
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        String op = ctx.op().name();
        OpAttributes a = ctx.attrs();
        Tensor x = ctx.input(0);
        Tensor w = ctx.input(1);
        Tensor off = ctx.input(2);
        int[] xs = x.shape();
        int[] ws = w.shape();
        int[] os = off.shape();
        if (xs.length != 4 || ws.length != 4 || os.length != 4) {
            throw ctx.error("only 2-D deformable convolution is supported (X, W and offset of rank 4)");
        }
        int n = xs[0];
        int ic = xs[1];
        int ih = xs[2];
        int iw = xs[3];
        int oc = ws[0];
        int group = a.getInt32("group", 1);
        int offGroups = a.getInt32("offset_group", 1);
        int[] k = ConvolutionKernels.kernel(op, a, ws);
        int kh = k[0];
        int kw = k[1];
        int[] s = Window.ints(op, a, "strides", 2, 1);
        int[] d = Window.ints(op, a, "dilations", 2, 1);
        int[] p = Window.ints(op, a, "pads", 4, 0);
        int oh = os[2];
        int ow = os[3];
        if (ic != ws[1] * group || oc % group != 0 || ic % offGroups != 0 || os[1] != offGroups * kh * kw * 2 || os[0] != n) {
            throw ctx.error("inconsistent shapes: X " + java.util.Arrays.toString(xs) + ", W " + java.util.Arrays.toString(ws)
                    + ", offset " + java.util.Arrays.toString(os) + ", group " + group + ", offset_group " + offGroups);
        }
        double[] xv = NnUtil.values(x);
        double[] wv = NnUtil.values(w);
        double[] ov = NnUtil.values(off);
        double[] bias = ctx.hasInput(3) ? NnUtil.values(ctx.input(3)) : null;
        double[] mask = ctx.hasInput(4) ? NnUtil.values(ctx.input(4)) : null;
        int icg = ws[1];
        int ocg = oc / group;
        int icPerOff = ic / offGroups;
        int plane = oh * ow;
        double[] y = new double[n * oc * plane];
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < ic; c++) {
                int og = c / icPerOff;
                int g = c / icg;
                int xOff = (b * ic + c) * ih * iw;
                for (int ki = 0; ki < kh; ki++) {
                    for (int kj = 0; kj < kw; kj++) {
                        int tap = (og * kh + ki) * kw + kj;
                        int dyOff = ((b * offGroups * kh * kw + tap) * 2) * plane;
                        int dxOff = dyOff + plane;
                        int mOff = (b * offGroups * kh * kw + tap) * plane;
                        for (int i = 0; i < oh; i++) {
                            for (int j = 0; j < ow; j++) {
                                int o = i * ow + j;
                                double h = i * s[0] - p[0] + ki * d[0] + ov[dyOff + o];
                                double wc = j * s[1] - p[1] + kj * d[1] + ov[dxOff + o];
                                double v = bilinear(xv, xOff, ih, iw, h, wc);
                                if (mask != null) {
                                    v *= mask[mOff + o];
                                }
                                for (int m = g * ocg; m < (g + 1) * ocg; m++) {
                                    y[(b * oc + m) * plane + o] += v * wv[((m * icg + c % icg) * kh + ki) * kw + kj];
                                }
                            }
                        }
                    }
                }
            }
            if (bias != null) {
                for (int m = 0; m < oc; m++) {
                    for (int o = 0; o < plane; o++) {
                        y[(b * oc + m) * plane + o] += bias[m];
                    }
                }
            }
        }
        return List.of(Tensor.ofDoubles(x.elementType(), new int[] {n, oc, oh, ow}, y));
    }

    /** Bilinear sample of one plane at (h, w); corners outside the plane count as zero. */
    private static double bilinear(double[] x, int off, int ih, int iw, double h, double w) {
        int h0 = (int) Math.floor(h);
        int w0 = (int) Math.floor(w);
        double fh = h - h0;
        double fw = w - w0;
        return (1 - fh) * ((1 - fw) * at(x, off, ih, iw, h0, w0) + fw * at(x, off, ih, iw, h0, w0 + 1))
                + fh * ((1 - fw) * at(x, off, ih, iw, h0 + 1, w0) + fw * at(x, off, ih, iw, h0 + 1, w0 + 1));
    }

    private static double at(double[] x, int off, int ih, int iw, int h, int w) {
        return h < 0 || h >= ih || w < 0 || w >= iw ? 0 : x[off + h * iw + w];
    }
}
