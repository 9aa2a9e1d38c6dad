package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.Arrays;
import java.util.List;

/**
 * Conv and MaxPool on fixed-point tensors over up to 3 spatial dims, with the window geometry of
 * {@link Window}. Conv sums exact products in {@link FixedRules#dot} of length C/group·kernel
 * (bias joins by {@link FixedRules#sum}); MaxPool compares raws and ignores padding. Both end in
 * one cast to the declared result type (see {@link FixedKernels}).
 */
public final class FixedWindowKernels {
    private FixedWindowKernels() {
    }

    public static List<Tensor> conv(EvalContext ctx) {
        String op = ctx.op().name();
        Tensor x = ctx.input(0);
        Tensor w = ctx.input(1);
        Tensor b = ctx.input(2);
        FixedType tx = FixedKernels.fixed(ctx, x, "X");
        FixedType tw = FixedKernels.fixed(ctx, w, "W");
        int[] xs = x.shape();
        int[] ws = w.shape();
        if (xs.length < 3 || ws.length != xs.length) {
            throw ctx.error("X and W must have the same rank >= 3, got " + Arrays.toString(xs) + " and " + Arrays.toString(ws));
        }
        int group = (int) ctx.attrs().getInt("group", 1);
        int batch = xs[0];
        int channels = xs[1];
        int outC = ws[0];
        int cpg = ws[1];
        if (group < 1 || channels != cpg * group || outC % group != 0) {
            throw ctx.error("channels " + channels + ", weight " + Arrays.toString(ws) + " and group " + group + " disagree");
        }
        Window win = Window.of(op, ctx.attrs(), Arrays.copyOfRange(xs, 2, xs.length), Arrays.copyOfRange(ws, 2, ws.length), false);
        Window g = win.as3d(op);
        int taps = cpg * win.kernelSize();
        FixedType acc = FixedKernels.exact(ctx, () -> FixedRules.dot(tx, tw, taps));
        long[] lx = x.longs();
        long[] lw = w.longs();
        int inPlane = g.in()[0] * g.in()[1] * g.in()[2];
        int outPlane = win.outSize();
        int kSize = win.kernelSize();
        long[] y = new long[batch * outC * outPlane];
        int mpg = outC / group;
        for (int n = 0; n < batch; n++) {
            for (int m = 0; m < outC; m++) {
                int c0 = (m / mpg) * cpg;
                for (int o = 0; o < outPlane; o++) {
                    long s = 0;
                    for (int c = 0; c < cpg; c++) {
                        int xBase = (n * channels + c0 + c) * inPlane;
                        int wBase = (m * cpg + c) * kSize;
                        s += windowDot(g, o, lx, xBase, lw, wBase);
                    }
                    y[(n * outC + m) * outPlane + o] = s;
                }
            }
        }
        int[] shape = ConvolutionKernels.outShape(batch, outC, win.out());
        if (b == null) {
            return List.of(FixedKernels.finish(ctx, y, acc, shape));
        }
        FixedType tb = FixedKernels.fixed(ctx, b, "B");
        if (b.size() != outC) {
            throw ctx.error("bias has " + b.size() + " values for " + outC + " output channels");
        }
        FixedType total = FixedKernels.exact(ctx, () -> FixedRules.sum(acc, tb));
        int f = total.fractionBits();
        long[] lb = b.longs();
        for (int i = 0; i < y.length; i++) {
            y[i] = FixedRules.align(y[i], acc, f) + FixedRules.align(lb[(i / outPlane) % outC], tb, f);
        }
        return List.of(FixedKernels.finish(ctx, y, total, shape));
    }

    /** Sum over the in-bounds taps of output position o of one input plane times one kernel. */
    private static long windowDot(Window g, int o, long[] x, int xBase, long[] w, int wBase) {
        int[] out = g.out();
        int[] pos = {o / (out[1] * out[2]), (o / out[2]) % out[1], o % out[2]};
        long s = 0;
        int[] k = g.kernel();
        int[] in = g.in();
        for (int k0 = 0; k0 < k[0]; k0++) {
            int i0 = start(g, pos, 0) + k0 * g.dilations()[0];
            if (i0 < 0 || i0 >= in[0]) {
                continue;
            }
            for (int k1 = 0; k1 < k[1]; k1++) {
                int i1 = start(g, pos, 1) + k1 * g.dilations()[1];
                if (i1 < 0 || i1 >= in[1]) {
                    continue;
                }
                for (int k2 = 0; k2 < k[2]; k2++) {
                    int i2 = start(g, pos, 2) + k2 * g.dilations()[2];
                    if (i2 >= 0 && i2 < in[2]) {
                        s += x[xBase + (i0 * in[1] + i1) * in[2] + i2] * w[wBase + (k0 * k[1] + k1) * k[2] + k2];
                    }
                }
            }
        }
        return s;
    }

    private static int start(Window g, int[] pos, int d) {
        return pos[d] * g.strides()[d] - g.padBegin()[d];
    }

    public static List<Tensor> maxPool(EvalContext ctx) {
        String op = ctx.op().name();
        Tensor x = ctx.input(0);
        FixedType t = FixedKernels.fixed(ctx, x, "X");
        if (ctx.numOutputs() > 1) {
            throw ctx.error("fixed-point MaxPool does not produce Indices");
        }
        if (!t.signed() && t.width() == 64) {
            throw ctx.error("fixed-point MaxPool does not support " + t.spelling());
        }
        int[] xs = x.shape();
        if (xs.length < 3) {
            throw ctx.error("X must have rank >= 3, got " + Arrays.toString(xs));
        }
        int[] kernel = Window.ints(op, ctx.attrs(), "kernel_shape", xs.length - 2, 0);
        Window win = Window.of(op, ctx.attrs(), Arrays.copyOfRange(xs, 2, xs.length), kernel,
                ctx.attrs().getInt("ceil_mode", 0) != 0);
        Window g = win.as3d(op);
        int planes = xs[0] * xs[1];
        int inPlane = g.in()[0] * g.in()[1] * g.in()[2];
        int outPlane = win.outSize();
        long[] lx = x.longs();
        long[] y = new long[planes * outPlane];
        int[] out = g.out();
        int[] k = g.kernel();
        int[] in = g.in();
        for (int p = 0; p < planes; p++) {
            for (int o = 0; o < outPlane; o++) {
                int[] pos = {o / (out[1] * out[2]), (o / out[2]) % out[1], o % out[2]};
                long best = 0;
                boolean any = false;
                for (int k0 = 0; k0 < k[0]; k0++) {
                    int i0 = start(g, pos, 0) + k0 * g.dilations()[0];
                    for (int k1 = 0; k1 < k[1]; k1++) {
                        int i1 = start(g, pos, 1) + k1 * g.dilations()[1];
                        for (int k2 = 0; k2 < k[2]; k2++) {
                            int i2 = start(g, pos, 2) + k2 * g.dilations()[2];
                            if (i0 >= 0 && i0 < in[0] && i1 >= 0 && i1 < in[1] && i2 >= 0 && i2 < in[2]) {
                                long v = lx[p * inPlane + (i0 * in[1] + i1) * in[2] + i2];
                                best = any ? Math.max(best, v) : v;
                                any = true;
                            }
                        }
                    }
                }
                if (!any) {
                    throw ctx.error("a pooling window lies entirely in the padding");
                }
                y[p * outPlane + o] = best;
            }
        }
        return List.of(FixedKernels.finish(ctx, y, t, ConvolutionKernels.outShape(xs[0], xs[1], win.out())));
    }
}
