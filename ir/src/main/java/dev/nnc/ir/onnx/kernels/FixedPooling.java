package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * AveragePool and GlobalAveragePool on fixed-point tensors: the exact sum of the window's raws,
 * then ONE requantisation to the declared type, y = round(sum · M·2^(−s')), with (M, s) =
 * {@link Requantizer#fromScale}(1/count) and s' = s + F_x − F_y (default cast mode). count is
 * the window's size, or its in-bounds taps when padding does not count
 * ({@code count_include_pad = 0}). This is the rule {@code kernel.pool} (AVG) uses, so the q and
 * kernel levels agree bit for bit.
 */
final class FixedPooling {
    private FixedPooling() {
    }

    static List<Tensor> averagePool(EvalContext ctx) {
        Tensor x = input(ctx);
        int[] xs = x.shape();
        String op = ctx.op().name();
        int[] kernel = Window.ints(op, ctx.attrs(), "kernel_shape", xs.length - 2, 0);
        Window win = Window.of(op, ctx.attrs(), Arrays.copyOfRange(xs, 2, xs.length), kernel,
                ctx.attrs().getInt("ceil_mode", 0) != 0);
        return List.of(average(ctx, x, win, ctx.attrs().getInt("count_include_pad", 0) != 0));
    }

    static List<Tensor> globalAveragePool(EvalContext ctx) {
        Tensor x = input(ctx);
        int[] xs = x.shape();
        int[] spatial = Arrays.copyOfRange(xs, 2, xs.length);
        int[] ones = new int[spatial.length];
        Arrays.fill(ones, 1);
        Window win = new Window(spatial, spatial.clone(), ones, ones, new int[spatial.length], new int[spatial.length], ones);
        return List.of(average(ctx, x, win, true));
    }

    /** X: a fixed-point tensor of rank 3 or more (N, C, spatial...). */
    private static Tensor input(EvalContext ctx) {
        Tensor x = ctx.input(0);
        FixedKernels.fixed(ctx, x, "X");
        if (x.rank() < 3) {
            throw ctx.error("X must have rank >= 3, got " + Arrays.toString(x.shape()));
        }
        return x;
    }

    private static Tensor average(EvalContext ctx, Tensor x, Window win, boolean padCounts) {
        FixedType t = (FixedType) x.elementType();
        FixedType to = FixedKernels.declared(ctx, 0);
        Window g = win.as3d(ctx.op().name());
        int[] xs = x.shape();
        int planes = xs[0] * xs[1];
        int[] in = g.in();
        int[] out = g.out();
        int[] k = g.kernel();
        int inPlane = in[0] * in[1] * in[2];
        int outPlane = win.outSize();
        long[] lx = x.longs();
        long[] y = new long[planes * outPlane];
        Requantizer[] byCount = new Requantizer[win.kernelSize() + 1];
        for (int p = 0; p < planes; p++) {
            for (int o = 0; o < outPlane; o++) {
                int[] pos = {o / (out[1] * out[2]), (o / out[2]) % out[1], o % out[2]};
                long sum = 0;
                int taps = 0;
                for (int k0 = 0; k0 < k[0]; k0++) {
                    int i0 = pos[0] * g.strides()[0] - g.padBegin()[0] + k0 * g.dilations()[0];
                    for (int k1 = 0; k1 < k[1]; k1++) {
                        int i1 = pos[1] * g.strides()[1] - g.padBegin()[1] + k1 * g.dilations()[1];
                        for (int k2 = 0; k2 < k[2]; k2++) {
                            int i2 = pos[2] * g.strides()[2] - g.padBegin()[2] + k2 * g.dilations()[2];
                            if (i0 >= 0 && i0 < in[0] && i1 >= 0 && i1 < in[1] && i2 >= 0 && i2 < in[2]) {
                                sum += lx[p * inPlane + (i0 * in[1] + i1) * in[2] + i2];
                                taps++;
                            }
                        }
                    }
                }
                int count = padCounts ? win.kernelSize() : taps;
                if (count == 0) {
                    throw ctx.error("a pooling window lies entirely in the padding");
                }
                if (byCount[count] == null) {
                    Requantizer r = Requantizer.fromScale(1.0 / count);
                    byCount[count] = new Requantizer(r.multiplier(), r.shift() + t.fractionBits() - to.fractionBits(), CastMode.DEFAULT);
                }
                y[p * outPlane + o] = byCount[count].apply(sum, t, to);
            }
        }
        int[] shape = ctx.outputType(0) instanceof TensorType tt && tt.isStatic() ? tt.shape()
                : ConvolutionKernels.outShape(xs[0], xs[1], win.out());
        return Tensor.ofLongs(to, shape, y);
    }
}
