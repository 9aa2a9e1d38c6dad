package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.fixed.FixedAverage;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.Arrays;
import java.util.List;

/**
 * AveragePool and GlobalAveragePool on fixed-point tensors (2-D windows): the exact sum of the
 * window's KK taps (padding counts as zeros, so padding needs {@code count_include_pad = 1}),
 * then the mean by {@link FixedAverage} to the declared result type. This is what the hardware's
 * window generator + pool computes; a divisor that changes at the borders is not supported.
 */
final class FixedAveragePool {
    private FixedAveragePool() {
    }

    static List<Tensor> averagePool(EvalContext ctx) {
        Tensor x = ctx.input(0);
        FixedType t = FixedKernels.fixed(ctx, x, "X");
        int[] xs = x.shape();
        if (xs.length != 4) {
            throw ctx.error("fixed-point AveragePool needs a [N, C, H, W] input, got " + Arrays.toString(xs));
        }
        if (ctx.attrs().getInt("ceil_mode", 0) != 0) {
            throw ctx.error("fixed-point AveragePool does not support ceil_mode = 1");
        }
        int[] k = Window.ints(ctx.op().name(), ctx.attrs(), "kernel_shape", 2, 0);
        Window w = Window.of(ctx.op().name(), ctx.attrs(), new int[] {xs[2], xs[3]}, k, false);
        boolean padded = Arrays.stream(w.padBegin()).sum() + Arrays.stream(w.padEnd()).sum() > 0;
        if (padded && ctx.attrs().getInt("count_include_pad", 0) == 0) {
            throw ctx.error("fixed-point AveragePool with padding needs count_include_pad = 1");
        }
        return List.of(mean(ctx, x, t, w));
    }

    static List<Tensor> globalAveragePool(EvalContext ctx) {
        Tensor x = ctx.input(0);
        FixedType t = FixedKernels.fixed(ctx, x, "X");
        int[] xs = x.shape();
        if (xs.length != 4) {
            throw ctx.error("fixed-point GlobalAveragePool needs a [N, C, H, W] input, got " + Arrays.toString(xs));
        }
        Window w = new Window(new int[] {xs[2], xs[3]}, new int[] {xs[2], xs[3]}, new int[] {1, 1}, new int[] {1, 1},
                new int[2], new int[2], new int[] {1, 1});
        return List.of(mean(ctx, x, t, w));
    }

    private static Tensor mean(EvalContext ctx, Tensor x, FixedType t, Window w) {
        FixedType out = FixedKernels.declared(ctx, 0);
        int taps = w.kernel()[0] * w.kernel()[1];
        FixedType sum = FixedKernels.exact(ctx, () -> FixedAverage.sumType(t, taps));
        Requantizer r = FixedAverage.of(taps, t, out);
        int[] xs = x.shape();
        int h = xs[2];
        int wd = xs[3];
        int oh = w.out()[0];
        int ow = w.out()[1];
        long[] in = x.longs();
        long[] y = new long[xs[0] * xs[1] * oh * ow];
        int o = 0;
        for (int p = 0; p < xs[0] * xs[1]; p++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    long s = 0;
                    for (int ky = 0; ky < w.kernel()[0]; ky++) {
                        int iy = i * w.strides()[0] - w.padBegin()[0] + ky * w.dilations()[0];
                        for (int kx = 0; kx < w.kernel()[1]; kx++) {
                            int ix = j * w.strides()[1] - w.padBegin()[1] + kx * w.dilations()[1];
                            if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                s += in[(p * h + iy) * wd + ix];
                            }
                        }
                    }
                    y[o++] = r.apply(s, sum, out);
                }
            }
        }
        return Tensor.ofLongs(out, new int[] {xs[0], xs[1], oh, ow}, y);
    }
}
