package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.util.List;

/**
 * {@code QLinearConv} and {@code QLinearMatMul}: an exact integer convolution / matmul of the
 * zero-point-shifted operands, requantized as rint(acc * (a_scale * b_scale / y_scale)) + y_zero_point
 * and saturated; the multiplier is computed in the scales' float type, the product in double.
 */
final class QLinearKernels {
    private QLinearKernels() {
    }

    static List<Tensor> conv(EvalContext ctx) {
        String op = ctx.op().name();
        Tensor x = ctx.input(0);
        Tensor w = ctx.input(3);
        int m = w.dim(0);
        double[] xs = ConvolutionKernels.minusZeroPoint(x, ctx.input(2), 1, 1);
        double[] ws = ConvolutionKernels.minusZeroPoint(w, ctx.input(5), m, w.size() / Math.max(1, m));
        double[] bias = ctx.hasInput(8) ? NnUtil.values(ctx.input(8)) : null;
        ConvolutionKernels.Result r = ConvolutionKernels.forward(op, ctx.attrs(), xs, x.shape(), ws, w.shape(), bias);
        double[] wScale = NnUtil.values(ctx.input(4));
        if (wScale.length != 1 && wScale.length != m) {
            throw ctx.error("w_scale must have 1 or " + m + " values");
        }
        Tensor yScale = ctx.input(6);
        FloatType st = (FloatType) yScale.elementType();
        double xScale = NnUtil.values(ctx.input(1))[0];
        double[] mult = new double[m];
        for (int oc = 0; oc < m; oc++) {
            mult[oc] = st.round(st.round(xScale * wScale[wScale.length == 1 ? 0 : oc]) / NnUtil.values(yScale)[0]);
        }
        int plane = NnUtil.product(r.shape(), 2, r.shape().length);
        double[] acc = r.values();
        double[] y = new double[acc.length];
        for (int i = 0; i < acc.length; i++) {
            y[i] = acc[i] * mult[i / plane % m];
        }
        return List.of(requantize(y, ctx.input(7), x.elementType(), r.shape()));
    }

    static List<Tensor> matmul(EvalContext ctx) {
        String op = ctx.op().name();
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(3);
        MatMulCore.Plan p = MatMulCore.plan(op, a.shape(), b.shape());
        long[] av = MatMulCore.minusZeroPoint(op, NnUtil.longs(a), MatMulKernels.zeroPoint(ctx, 2), p.m(), p.k(), true);
        long[] bv = MatMulCore.minusZeroPoint(op, NnUtil.longs(b), MatMulKernels.zeroPoint(ctx, 5), p.k(), p.n(), false);
        long[] acc = MatMulCore.multiply(p, av, bv);
        Tensor as = ctx.input(1);
        Tensor bs = ctx.input(4);
        Tensor ys = ctx.input(6);
        FloatType st = QuantizationKernels.promote(QuantizationKernels.promote(as.elementType(), bs.elementType()), ys.elementType());
        double[] asv = NnUtil.values(as);
        double[] bsv = NnUtil.values(bs);
        double ysv = NnUtil.values(ys)[0];
        if (asv.length != 1 && asv.length != p.m() || bsv.length != 1 && bsv.length != p.n()) {
            throw ctx.error("a_scale must have 1 or " + p.m() + " (rows) values, b_scale 1 or " + p.n() + " (columns)");
        }
        int[] outShape = p.outShape();
        double[] y = new double[acc.length];
        for (int i = 0; i < acc.length; i++) {
            // per-row scale of a, per-column scale of b
            double sa = asv.length == 1 ? asv[0] : asv[i / p.n() % p.m()];
            double sb = bsv.length == 1 ? bsv[0] : bsv[i % p.n()];
            y[i] = acc[i] * st.round(st.round(sa * sb) / ysv);
        }
        return List.of(requantize(y, ctx.input(7), a.elementType(), outShape));
    }

    /** saturate(rint(y + zero_point)) in the zero point's type (else {@code dflt}). */
    private static Tensor requantize(double[] y, Tensor zp, ElementType dflt, int[] shape) {
        IntegerType t = (IntegerType) (zp != null ? zp.elementType() : dflt);
        double z = zp == null ? 0 : NnUtil.values(zp)[0];
        long[] q = new long[y.length];
        for (int i = 0; i < y.length; i++) {
            q[i] = (long) Math.max(t.minValue(), Math.min(t.maxValue(), Math.rint(y[i] + z)));
        }
        return Tensor.ofLongs(t, shape, q);
    }
}
