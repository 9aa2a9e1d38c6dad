package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;

/** The discrete Fourier transforms behind {@code DFT} and {@code STFT}, direct sums in double. */
final class Fourier {
    private Fourier() {
    }

    /**
     * One transform of length {@code len} over {@code n} input samples (zero-padded or truncated),
     * writing {@code outLen} bins. Input and output are interleaved (re, im) with the given strides.
     */
    static void transform(double[] re, double[] im, int n, int len, boolean inverse, int outLen, double[] outRe, double[] outIm) {
        double sign = inverse ? 1 : -1;
        int m = Math.min(n, len);
        for (int k = 0; k < outLen; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < m; j++) {
                // reduce k*j mod len first so the angle stays small and exact
                double a = sign * 2 * Math.PI * (((long) k * j) % len) / len;
                double c = Math.cos(a);
                double s = Math.sin(a);
                sr += re[j] * c - im[j] * s;
                si += re[j] * s + im[j] * c;
            }
            outRe[k] = inverse ? sr / len : sr;
            outIm[k] = inverse ? si / len : si;
        }
    }

    /**
     * The checked layout of one DFT: the signal axis and its n samples, input and output complex
     * components (1 = real), transform length and output bins, and the element counts before
     * ({@code outer}) and after ({@code inner}) the axis. {@code toReal}: inverse + onesided, a half
     * spectrum in, a real signal of length 2(n-1) (or dft_length) out.
     */
    private record DftPlan(int axis, int n, int comps, boolean inverse, boolean toReal, int len, int outLen,
            int outComps, int outer, int inner) {
    }

    static Tensor dft(EvalContext ctx) {
        Tensor x = ctx.input(0);
        DftPlan p = dftPlan(ctx, x);
        int n = p.n();
        int outLen = p.outLen();
        double[] in = x.toDoubles();
        double[] out = new double[p.outer() * outLen * p.inner() * p.outComps()];
        int taps = p.toReal() ? p.len() : n;
        double[] re = new double[Math.max(n, taps)];
        double[] im = new double[Math.max(n, taps)];
        double[] ore = new double[outLen];
        double[] oim = new double[outLen];
        for (int o = 0; o < p.outer(); o++) {
            for (int i = 0; i < p.inner(); i++) {
                for (int j = 0; j < n; j++) {
                    int at = ((o * n + j) * p.inner() + i) * p.comps();
                    re[j] = in[at];
                    im[j] = p.comps() == 2 ? in[at + 1] : 0;
                }
                if (p.toReal()) {
                    hermitianExtend(re, im, n, p.len());
                }
                transform(re, im, taps, p.len(), p.inverse(), outLen, ore, oim);
                for (int k = 0; k < outLen; k++) {
                    int at = ((o * outLen + k) * p.inner() + i) * p.outComps();
                    out[at] = ore[k];
                    if (p.outComps() == 2) {
                        out[at + 1] = oim[k];
                    }
                }
            }
        }
        int[] outShape = x.shape().clone();
        outShape[p.axis()] = outLen;
        outShape[x.rank() - 1] = p.outComps();
        return Tensor.ofDoubles(x.elementType(), outShape, out);
    }

    private static DftPlan dftPlan(EvalContext ctx, Tensor x) {
        int r = x.rank();
        int comps = x.dim(r - 1);
        if (r < 2 || (comps != 1 && comps != 2)) {
            throw ctx.error("input must end in a dimension of 1 (real) or 2 (complex), got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        long axisV;
        if (ctx.hasInput(2)) {
            axisV = ctx.input(2).getLong(0);
        } else if (ctx.attrs().has("axis")) {
            axisV = ctx.attrs().getInt("axis");
        } else {
            axisV = ctx.opset() >= 20 ? -2 : 1;
        }
        int axis = (int) (axisV < 0 ? axisV + r : axisV);
        if (axis < 0 || axis >= r - 1) {
            throw ctx.error("axis " + axisV + " is not a signal axis for rank " + r);
        }
        int n = x.dim(axis);
        boolean inverse = ctx.attrs().getInt("inverse", 0) != 0;
        boolean onesided = ctx.attrs().getInt("onesided", 0) != 0;
        boolean toReal = inverse && onesided;
        long lenL = ctx.hasInput(1) ? ctx.input(1).getLong(0) : toReal ? 2L * (n - 1) : n;
        if (lenL <= 0 || lenL > Integer.MAX_VALUE) {
            throw ctx.error("dft_length must be positive and fit an int, got " + lenL);
        }
        int len = (int) lenL;
        int outLen = toReal ? len : onesided ? len / 2 + 1 : len;
        int[] outShape = x.shape().clone();
        outShape[axis] = outLen;
        outShape[r - 1] = toReal ? 1 : 2;
        ShapeArgs.checkSize(ctx, outShape);
        return new DftPlan(axis, n, comps, inverse, toReal, len, outLen, toReal ? 1 : 2,
                NnUtil.product(x.shape(), 0, axis), NnUtil.product(x.shape(), axis + 1, r - 1));
    }

    /** Fills bins (len/2, len) of a half spectrum held in bins [0, n) with the conjugates of its mirror. */
    private static void hermitianExtend(double[] re, double[] im, int n, int len) {
        int half = len / 2 + 1;
        for (int k = Math.min(n, half); k < half; k++) {
            re[k] = 0;
            im[k] = 0;
        }
        for (int k = half; k < len; k++) {
            re[k] = re[len - k];
            im[k] = -im[len - k];
        }
    }

    static Tensor stft(EvalContext ctx) {
        Tensor x = ctx.input(0);
        if (x.rank() != 3 || (x.dim(2) != 1 && x.dim(2) != 2)) {
            throw ctx.error("signal must be [batch, length, 1 or 2], got " + java.util.Arrays.toString(x.shape()));
        }
        int batch = x.dim(0);
        int length = x.dim(1);
        int comps = x.dim(2);
        long step = ctx.input(1).getLong(0);
        double[] window = ctx.hasInput(2) ? ctx.input(2).toDoubles() : null;
        long frameL = ctx.hasInput(3) ? ctx.input(3).getLong(0) : window != null ? window.length : length;
        if (step <= 0 || frameL <= 0 || frameL > length) {
            throw ctx.error("frame_step " + step + " / frame_length " + frameL + " do not fit a signal of length " + length);
        }
        int frameLength = (int) frameL;
        int windowSize = window != null ? window.length : frameLength;
        boolean onesided = ctx.attrs().getInt("onesided", 1) != 0;
        int bins = onesided ? frameLength / 2 + 1 : frameLength;
        int frames = (int) (1 + (length - frameLength) / step);
        double[] in = x.toDoubles();
        double[] out = new double[batch * frames * bins * 2];
        double[] re = new double[windowSize];
        double[] im = new double[windowSize];
        double[] ore = new double[bins];
        double[] oim = new double[bins];
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < frames; f++) {
                for (int j = 0; j < windowSize; j++) {
                    long t = f * step + j;
                    double w = window == null ? 1 : window[j];
                    int at = (int) ((b * (long) length + t) * comps);
                    re[j] = t < length ? in[at] * w : 0;
                    im[j] = t < length && comps == 2 ? in[at + 1] * w : 0;
                }
                transform(re, im, windowSize, frameLength, false, bins, ore, oim);
                for (int k = 0; k < bins; k++) {
                    int at = ((b * frames + f) * bins + k) * 2;
                    out[at] = ore[k];
                    out[at + 1] = oim[k];
                }
            }
        }
        return Tensor.ofDoubles(x.elementType(), new int[] {batch, frames, bins, 2}, out);
    }
}
