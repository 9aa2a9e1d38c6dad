package dev.nnc.ir.kernel;

import dev.nnc.ir.fixed.Overflow;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.Arrays;
import java.util.List;

/**
 * The matrix-vector-activation unit on each vector of the last axis, in this order:
 * acc = Σ x·w + bias (raw integers; the accumulator register is acc_type wide, and lower-kernel
 * proves it cannot overflow) → requantizer of the output channel → activation on the output raw.
 */
final class MvauSemantics {
    private MvauSemantics() {
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        Tensor x = ctx.input(0);
        MvauParams p;
        try {
            p = MvauParams.from(ctx.attrs());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
        FixedType in = KernelTypes.fixed(x.tensorType());
        FixedType out = KernelTypes.fixed(ctx.outputType(0));
        if (in == null || out == null) {
            throw ctx.error("operand and result must be fixed-point tensors");
        }
        int mw = p.mw();
        int mh = p.mh();
        if (x.rank() < 1 || x.dim(x.rank() - 1) != mw) {
            throw ctx.error("operand " + Arrays.toString(x.shape()) + " does not end in MW = " + mw);
        }
        long[] xs = x.longs();
        long[] ws = p.weights().longs();
        long[] bs = p.bias() == null ? null : p.bias().longs();
        int nv = x.size() / mw;
        long[] y = new long[nv * mh];
        long[] dots = p.accType().width() <= 32 ? intDots(xs, ws, nv, mh, mw) : null;
        for (int v = 0; v < nv; v++) {
            for (int m = 0; m < mh; m++) {
                long acc = bs == null ? 0 : bs[m];
                if (dots != null) {
                    acc += dots[v * mh + m];
                } else {
                    for (int k = 0; k < mw; k++) {
                        acc += xs[v * mw + k] * ws[m * mw + k];
                    }
                }
                acc = Overflow.wrap(acc, p.accType());
                long r = p.requantizer(m).apply(acc, p.accType(), out);
                y[v * mh + m] = p.activation().apply(r, p.clipLo(), p.clipHi());
            }
        }
        int[] shape = x.shape().clone();
        shape[shape.length - 1] = mh;
        return List.of(Tensor.ofLongs(out, shape, y));
    }

    /**
     * Every dot product in 32-bit arithmetic, which the JIT vectorises: exact after the wrap to an
     * accumulator of at most 32 bits, since int arithmetic keeps every value modulo 2^32 and the
     * wrap depends on nothing else.
     */
    private static long[] intDots(long[] xs, long[] ws, int nv, int mh, int mw) {
        int[] x = new int[xs.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (int) xs[i];
        }
        int[] w = new int[ws.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (int) ws[i];
        }
        long[] dots = new long[nv * mh];
        for (int v = 0; v < nv; v++) {
            int xo = v * mw;
            for (int m = 0; m < mh; m++) {
                int wo = m * mw;
                int acc = 0;
                for (int k = 0; k < mw; k++) {
                    acc += x[xo + k] * w[wo + k];
                }
                dots[v * mh + m] = acc;
            }
        }
        return dots;
    }
}
