package dev.nnc.ir.kernel;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.List;
import java.util.Locale;

/**
 * Pooling over windows laid out by an swg: each vector of the last axis holds KK taps of C
 * channels in (k, c) order. MAX keeps the largest raw per channel; AVG sums the taps exactly (an
 * accumulator of KK terms) and applies the requantizer (multiplier, shift) in the default mode.
 */
final class PoolSemantics {
    private PoolSemantics() {
    }

    /** The two pool kinds. */
    enum Kind {
        MAX, AVG;

        static Kind parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown pool kind '" + s + "' (MAX or AVG)");
            }
        }
    }

    /** The exact type of the sum of {@code taps} inputs of type {@code in}. */
    static FixedType sumType(FixedType in, int taps) {
        return dev.nnc.ir.fixed.FixedAverage.sumType(in, taps);
    }

    static Requantizer averager(OpAttributes a) {
        if (!a.has("multiplier") || !a.has("shift")) {
            throw new IllegalArgumentException("AVG pooling needs multiplier and shift");
        }
        return new Requantizer(a.getInt("multiplier"), Math.toIntExact(a.getInt("shift")), CastMode.DEFAULT);
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        Tensor x = ctx.input(0);
        FixedType in = KernelTypes.fixed(x.tensorType());
        FixedType out = KernelTypes.fixed(ctx.outputType(0));
        Kind kind;
        int c;
        Requantizer avg = null;
        try {
            kind = Kind.parse(ctx.attrs().getString("kind"));
            c = KernelTypes.positive(ctx.attrs(), "channels", 1);
            if (kind == Kind.AVG) {
                avg = averager(ctx.attrs());
            }
        } catch (IllegalArgumentException e) {
            throw ctx.error(e.getMessage());
        }
        if (in == null || out == null) {
            throw ctx.error("operand and result must be fixed-point tensors");
        }
        int last = x.dim(x.rank() - 1);
        if (last % c != 0) {
            throw ctx.error("last dim " + last + " is not a multiple of channels " + c);
        }
        int taps = last / c;
        FixedType sum = kind == Kind.AVG ? sumType(in, taps) : in;
        long[] xs = x.longs();
        int nv = x.size() / last;
        long[] y = new long[nv * c];
        for (int v = 0; v < nv; v++) {
            for (int ch = 0; ch < c; ch++) {
                long acc = xs[v * last + ch];
                for (int k = 1; k < taps; k++) {
                    long e = xs[v * last + k * c + ch];
                    acc = kind == Kind.MAX ? Math.max(acc, e) : acc + e;
                }
                y[v * c + ch] = kind == Kind.MAX ? acc : avg.apply(acc, sum, out);
            }
        }
        int[] shape = x.shape().clone();
        shape[shape.length - 1] = c;
        return List.of(Tensor.ofLongs(out, shape, y));
    }
}
