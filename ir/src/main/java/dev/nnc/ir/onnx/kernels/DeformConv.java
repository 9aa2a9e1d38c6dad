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

    /**
     * The checked sizes of one call: batch, input channels and plane, output channels, groups
     * and offset groups, kernel, strides, dilations, pads and the output plane (the offset's).
     */
    private record Plan(int n, int ic, int ih, int iw, int oc, int icg, int ocg, int offGroups, int icPerOff,
            int kh, int kw, int[] s, int[] d, int[] p, int oh, int ow) {
        int plane() {
            return oh * ow;
        }
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        Plan pl = plan(ctx);
        double[] xv = NnUtil.values(ctx.input(0));
        double[] wv = NnUtil.values(ctx.input(1));
        double[] ov = NnUtil.values(ctx.input(2));
        double[] bias = ctx.hasInput(3) ? NnUtil.values(ctx.input(3)) : null;
        double[] mask = ctx.hasInput(4) ? NnUtil.values(ctx.input(4)) : null;
        int plane = pl.plane();
        double[] y = new double[pl.n() * pl.oc() * plane];
        for (int b = 0; b < pl.n(); b++) {
            for (int c = 0; c < pl.ic(); c++) {
                for (int ki = 0; ki < pl.kh(); ki++) {
                    for (int kj = 0; kj < pl.kw(); kj++) {
                        tap(pl, xv, wv, ov, mask, y, b, c, ki, kj);
                    }
                }
            }
            if (bias != null) {
                for (int m = 0; m < pl.oc(); m++) {
                    for (int o = 0; o < plane; o++) {
                        y[(b * pl.oc() + m) * plane + o] += bias[m];
                    }
                }
            }
        }
        return List.of(Tensor.ofDoubles(ctx.input(0).elementType(), new int[] {pl.n(), pl.oc(), pl.oh(), pl.ow()}, y));
    }

    private static Plan plan(EvalContext ctx) {
        String op = ctx.op().name();
        OpAttributes a = ctx.attrs();
        int[] xs = ctx.input(0).shape();
        int[] ws = ctx.input(1).shape();
        int[] os = ctx.input(2).shape();
        if (xs.length != 4 || ws.length != 4 || os.length != 4) {
            throw ctx.error("only 2-D deformable convolution is supported (X, W and offset of rank 4)");
        }
        int ic = xs[1];
        int oc = ws[0];
        int group = a.getInt32("group", 1);
        int offGroups = a.getInt32("offset_group", 1);
        int[] k = ConvolutionKernels.kernel(op, a, ws);
        int[] s = Window.ints(op, a, "strides", 2, 1);
        int[] d = Window.ints(op, a, "dilations", 2, 1);
        int[] p = Window.ints(op, a, "pads", 4, 0);
        if (ic != ws[1] * group || oc % group != 0 || ic % offGroups != 0 || os[1] != offGroups * k[0] * k[1] * 2
                || os[0] != xs[0]) {
            throw ctx.error("inconsistent shapes: X " + java.util.Arrays.toString(xs) + ", W " + java.util.Arrays.toString(ws)
                    + ", offset " + java.util.Arrays.toString(os) + ", group " + group + ", offset_group " + offGroups);
        }
        return new Plan(xs[0], ic, xs[2], xs[3], oc, ws[1], oc / group, offGroups, ic / offGroups, k[0], k[1], s, d, p,
                os[2], os[3]);
    }

    /** Adds input channel c of batch b, sampled at kernel tap (ki, kj) plus its offsets, into the outputs of c's group. */
    private static void tap(Plan pl, double[] xv, double[] wv, double[] ov, double[] mask, double[] y,
            int b, int c, int ki, int kj) {
        int kh = pl.kh();
        int kw = pl.kw();
        int plane = pl.plane();
        int icg = pl.icg();
        int ocg = pl.ocg();
        int g = c / icg;
        int xOff = (b * pl.ic() + c) * pl.ih() * pl.iw();
        int tap = (c / pl.icPerOff() * kh + ki) * kw + kj;
        int dyOff = ((b * pl.offGroups() * kh * kw + tap) * 2) * plane;
        int dxOff = dyOff + plane;
        int mOff = (b * pl.offGroups() * kh * kw + tap) * plane;
        for (int i = 0; i < pl.oh(); i++) {
            for (int j = 0; j < pl.ow(); j++) {
                int o = i * pl.ow() + j;
                double h = i * pl.s()[0] - pl.p()[0] + ki * pl.d()[0] + ov[dyOff + o];
                double wc = j * pl.s()[1] - pl.p()[1] + kj * pl.d()[1] + ov[dxOff + o];
                double v = bilinear(xv, xOff, pl.ih(), pl.iw(), h, wc);
                if (mask != null) {
                    v *= mask[mOff + o];
                }
                for (int m = g * ocg; m < (g + 1) * ocg; m++) {
                    y[(b * pl.oc() + m) * plane + o] += v * wv[((m * icg + c % icg) * kh + ki) * kw + kj];
                }
            }
        }
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
