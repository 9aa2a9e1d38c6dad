package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.List;

/**
 * Convolutions: {@code Conv}, {@code ConvTranspose}, {@code ConvInteger} over 1-3 spatial dims
 * with groups, dilations, strides, pads and {@code auto_pad}; the kernel shape defaults to the
 * weight's. Also {@code DeformConv} (2-D) and {@code Col2Im}. Floats are computed in double and rounded once to the output type.
 */
public final class ConvolutionKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/convolution.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Conv", new WindowVerifier(), ctx -> infer(ctx, false, null), ctx -> FixedKernels.applies(ctx) ? FixedWindowKernels.conv(ctx) : conv(ctx));
        t.op("ConvTranspose", new WindowVerifier(), ctx -> infer(ctx, true, null), ConvolutionKernels::convTranspose);
        t.op("ConvInteger", new WindowVerifier(), ctx -> infer(ctx, false, IntegerType.I32), ConvolutionKernels::convInteger);
        t.op("DeformConv", new WindowVerifier(), ConvolutionKernels::inferDeform, DeformConv::evaluate);
        t.op("Col2Im", Col2Im::infer, Col2Im::evaluate);
    }

    /** The result of a convolution: its shape and row-major values. */
    record Result(int[] shape, double[] values) {
    }

    private static List<Tensor> conv(EvalContext ctx) {
        Tensor x = ctx.input(0);
        Tensor w = ctx.input(1);
        double[] bias = ctx.hasInput(2) ? NnUtil.values(ctx.input(2)) : null;
        Result r = forward(ctx.op().name(), ctx.attrs(), NnUtil.values(x), x.shape(), NnUtil.values(w), w.shape(), bias);
        return List.of(Tensor.ofDoubles(x.elementType(), r.shape(), r.values()));
    }

    private static List<Tensor> convInteger(EvalContext ctx) {
        Tensor x = ctx.input(0);
        Tensor w = ctx.input(1);
        double[] xs = minusZeroPoint(x, ctx.input(2), 1, 1);
        double[] ws = minusZeroPoint(w, ctx.input(3), w.dim(0), w.size() / Math.max(1, w.dim(0)));
        Result r = forward(ctx.op().name(), ctx.attrs(), xs, x.shape(), ws, w.shape(), null);
        return List.of(NnUtil.fromDoubles(IntegerType.I32, r.shape(), r.values()));
    }

    /**
     * t minus its zero point: a scalar, or one value per leading slice of {@code inner} elements
     * (per output channel for weights).
     */
    static double[] minusZeroPoint(Tensor t, Tensor zp, int slices, int inner) {
        double[] v = NnUtil.values(t).clone();
        if (zp == null) {
            return v;
        }
        double[] z = NnUtil.values(zp);
        if (z.length == 1) {
            for (int i = 0; i < v.length; i++) {
                v[i] -= z[0];
            }
        } else if (z.length == slices) {
            for (int i = 0; i < v.length; i++) {
                v[i] -= z[i / inner];
            }
        } else {
            throw new NncException("zero point has " + z.length + " values, expected 1 or " + slices);
        }
        return v;
    }

    /** Direct convolution of x [N, C, D...] with w [M, C/group, K...] and optional bias [M]. */
    static Result forward(String op, OpAttributes a, double[] x, int[] xShape, double[] w, int[] wShape, double[] bias) {
        int group = a.getInt32("group", 1);
        checkShapes(op, xShape, wShape);
        int c = xShape[1];
        int m = wShape[0];
        if (group <= 0 || c % group != 0 || m % group != 0 || wShape[1] * group != c) {
            throw new NncException(op + ": input has " + c + " channels, weight " + wShape[1] + " per group, group = " + group);
        }
        if (bias != null && bias.length != m) {
            throw new NncException(op + ": bias has " + bias.length + " values for " + m + " output channels");
        }
        Window win = Window.of(op, a, NnUtil.slice(xShape, 2, xShape.length), kernel(op, a, wShape), false);
        checkKernel(op, win, wShape);
        double[] y = ConvCore.conv(x, xShape[0], c, w, m, group, bias, win.as3d(op));
        return new Result(outShape(xShape[0], m, win.out()), y);
    }

    private static List<Tensor> convTranspose(EvalContext ctx) {
        String op = ctx.op().name();
        OpAttributes a = ctx.attrs();
        Tensor x = ctx.input(0);
        Tensor w = ctx.input(1);
        int[] xShape = x.shape();
        int[] wShape = w.shape();
        checkShapes(op, xShape, wShape);
        int group = a.getInt32("group", 1);
        int c = xShape[1];
        if (group <= 0 || c % group != 0 || wShape[0] != c) {
            throw new NncException(op + ": input has " + c + " channels, weight " + wShape[0] + ", group = " + group);
        }
        int m = wShape[1] * group;
        double[] bias = ctx.hasInput(2) ? NnUtil.values(ctx.input(2)) : null;
        if (bias != null && bias.length != m) {
            throw new NncException(op + ": bias has " + bias.length + " values for " + m + " output channels");
        }
        Window win = transposeWindow(op, a, NnUtil.slice(xShape, 2, xShape.length), kernel(op, a, wShape));
        checkKernel(op, win, wShape);
        double[] y = ConvCore.convTranspose(NnUtil.values(x), xShape[0], c, NnUtil.values(w), m, group, bias, win.as3d(op));
        return List.of(Tensor.ofDoubles(x.elementType(), outShape(xShape[0], m, win.out()), y));
    }

    /**
     * Output size and padding of a transposed convolution: from {@code output_shape} (padding
     * distributed per {@code auto_pad}, the odd unit at the end for SAME_UPPER, else at the
     * begin), from SAME padding (output = input * stride), or from explicit pads.
     */
    public static Window transposeWindow(String op, OpAttributes a, int[] in, int[] kernel) {
        int r = in.length;
        int[] s = Window.ints(op, a, "strides", r, 1);
        int[] d = Window.ints(op, a, "dilations", r, 1);
        int[] outPad = Window.ints(op, a, "output_padding", r, 0);
        String autoPad = a.getString("auto_pad", "NOTSET");
        long[] outputShape = a.getInts("output_shape", null);
        boolean same = autoPad.equals("SAME_UPPER") || autoPad.equals("SAME_LOWER");
        int[] pb = new int[r];
        int[] pe = new int[r];
        int[] out = new int[r];
        if (!autoPad.equals("VALID") && !same && !autoPad.equals("NOTSET")) {
            throw new NncException(op + ": unknown auto_pad '" + autoPad + "'");
        }
        boolean explicitPads = !same && a.getInts("pads", null) != null && !autoPad.equals("VALID");
        int[] pads = explicitPads ? Window.ints(op, a, "pads", 2 * r, 0) : new int[2 * r];
        for (int i = 0; i < r; i++) {
            int full = s[i] * (in[i] - 1) + outPad[i] + (kernel[i] - 1) * d[i] + 1;
            if ((outputShape != null && outputShape.length > 0) || same) {
                if (outputShape != null && outputShape.length > 0) {
                    if (outputShape.length < r) {
                        throw new NncException(op + ": output_shape has " + outputShape.length + " values for " + r + " spatial dims");
                    }
                    out[i] = Math.toIntExact(outputShape[outputShape.length - r + i]);
                } else {
                    out[i] = in[i] * s[i];
                }
                if (explicitPads) {
                    pb[i] = pads[i];
                    pe[i] = pads[i + r];
                } else {
                    int total = full - out[i];
                    pb[i] = autoPad.equals("SAME_UPPER") ? Math.floorDiv(total, 2) : total - Math.floorDiv(total, 2);
                    pe[i] = total - pb[i];
                }
            } else {
                pb[i] = pads[i];
                pe[i] = pads[i + r];
                out[i] = full - pb[i] - pe[i];
            }
            if (out[i] < 0) {
                throw new NncException(op + ": negative output size");
            }
        }
        return new Window(in, kernel, s, d, pb, pe, out);
    }

    static int[] kernel(String op, OpAttributes a, int[] wShape) {
        int r = wShape.length - 2;
        long[] ks = a.getInts("kernel_shape", null);
        int[] k = NnUtil.slice(wShape, 2, wShape.length);
        if (ks != null && ks.length > 0) {
            if (ks.length != r) {
                throw new NncException(op + ": kernel_shape has " + ks.length + " values, weight has " + r + " spatial dims");
            }
            for (int i = 0; i < r; i++) {
                k[i] = Math.toIntExact(ks[i]);
            }
        }
        return k;
    }

    private static void checkShapes(String op, int[] xShape, int[] wShape) {
        if (xShape.length < 3 || wShape.length != xShape.length) {
            throw new NncException(op + ": input rank " + xShape.length + " and weight rank " + wShape.length
                    + " must be equal and at least 3");
        }
    }

    private static void checkKernel(String op, Window win, int[] wShape) {
        for (int i = 0; i < win.rank(); i++) {
            if (win.kernel()[i] != wShape[i + 2]) {
                throw new NncException(op + ": kernel_shape does not match the weight's spatial shape");
            }
        }
    }

    static int[] outShape(int n, int m, int[] spatial) {
        int[] s = new int[spatial.length + 2];
        s[0] = n;
        s[1] = m;
        System.arraycopy(spatial, 0, s, 2, spatial.length);
        return s;
    }

    /**
     * Static result type of Conv-like ops: [N, M, out...] when input spatial dims and weight shape
     * are known (batch may be symbolic).
     */
    static List<Type> infer(InferContext ctx, boolean transpose, ElementType forced) {
        ElementType e = forced != null ? forced : Infer.elementType(ctx.operandType(0));
        long[] x = NnUtil.sizes(ctx.operandType(0));
        int[] w = NnUtil.shape(ctx.operandType(1));
        if (e == null || x == null || w == null || x.length != w.length || x.length < 3) {
            return Collections.singletonList(e == null ? null : dev.nnc.ir.type.TensorType.unranked(e));
        }
        int[] in = new int[x.length - 2];
        for (int i = 0; i < in.length; i++) {
            if (x[i + 2] < 0) {
                return Collections.singletonList(dev.nnc.ir.type.TensorType.unranked(e));
            }
            in[i] = (int) x[i + 2];
        }
        String op = ctx.op().name();
        int[] k = kernel(op, ctx.attrs(), w);
        Window win = transpose ? transposeWindow(op, ctx.attrs(), in, k) : Window.of(op, ctx.attrs(), in, k, false);
        long m = transpose ? (long) w[1] * ctx.attrs().getInt("group", 1) : w[0];
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = m;
        for (int i = 0; i < in.length; i++) {
            out[i + 2] = win.out()[i];
        }
        return Collections.singletonList(NnUtil.typeOf(e, out, ctx.operandType(0)));
    }

    /** DeformConv's output is [N, M, offset spatial dims...]. */
    private static List<Type> inferDeform(InferContext ctx) {
        ElementType e = Infer.elementType(ctx.operandType(0));
        long[] x = NnUtil.sizes(ctx.operandType(0));
        long[] w = NnUtil.sizes(ctx.operandType(1));
        long[] off = NnUtil.sizes(ctx.operandType(2));
        if (e == null || x == null || w == null || off == null || off.length != x.length) {
            return Collections.singletonList(e == null ? null : dev.nnc.ir.type.TensorType.unranked(e));
        }
        long[] out = off.clone();
        out[0] = x[0];
        out[1] = w[0];
        return Collections.singletonList(NnUtil.typeOf(e, out, ctx.operandType(2)));
    }
}
