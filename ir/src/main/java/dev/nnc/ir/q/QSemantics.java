package dev.nnc.ir.q;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedTensors;
import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.fixed.LutFunction;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import java.util.List;

/** Reference semantics of the q ops: each applies one rule of {@code dev.nnc.ir.fixed} element by element. */
final class QSemantics {
    private QSemantics() {
    }

    static List<Tensor> quantize(EvalContext ctx) {
        Tensor x = ctx.input(0);
        if (!x.elementType().isFloat()) {
            throw ctx.error("operand must be a float tensor, got " + x.elementType().spelling());
        }
        return List.of(FixedTensors.quantize(x, QTypes.fixedResult(ctx, 0), mode(ctx)));
    }

    static List<Tensor> dequantize(EvalContext ctx) {
        Tensor x = ctx.input(0);
        fixedInput(ctx, x);
        if (!(QTypes.element(ctx.outputType(0)) instanceof FloatType to)) {
            throw ctx.error("result must be a float tensor, got " + ctx.outputType(0));
        }
        return List.of(FixedTensors.dequantize(x, to));
    }

    static List<Tensor> cast(EvalContext ctx) {
        Tensor x = ctx.input(0);
        fixedInput(ctx, x);
        return List.of(FixedTensors.cast(x, QTypes.fixedResult(ctx, 0), mode(ctx)));
    }

    /**
     * Per tensor ({@code multiplier}, {@code shift}) or per channel ({@code multipliers},
     * {@code shifts}, one pair per index along {@code axis}, default 1).
     */
    static List<Tensor> requantize(EvalContext ctx) {
        Tensor x = ctx.input(0);
        FixedType from = fixedInput(ctx, x);
        FixedType to = QTypes.fixedResult(ctx, 0);
        Requantizer[] rs = requantizers(ctx, x);
        int axis = rs.length == 1 ? 0 : Shapes.axis(ctx.attrs().getInt("axis", 1), x.rank());
        int inner = rs.length == 1 ? x.size() : Math.toIntExact(Shapes.size(java.util.Arrays.copyOfRange(x.shape(), axis + 1, x.rank())));
        long[] v = x.longs();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = rs[(i / inner) % rs.length].apply(v[i], from, to);
        }
        return List.of(Tensor.ofLongs(to, x.shape(), out));
    }

    private static Requantizer[] requantizers(EvalContext ctx, Tensor x) {
        OpAttributes a = ctx.attrs();
        CastMode mode = mode(ctx);
        try {
            if (a.has("multiplier") && a.has("shift") && !a.has("multipliers") && !a.has("shifts")) {
                return new Requantizer[] {new Requantizer(a.getInt("multiplier"), Math.toIntExact(a.getInt("shift")), mode)};
            }
            long[] ms = a.getInts("multipliers", null);
            long[] ss = a.getInts("shifts", null);
            if (a.has("multiplier") || a.has("shift") || ms == null || ss == null || ms.length != ss.length || ms.length == 0) {
                throw ctx.error("needs multiplier and shift, or multipliers and shifts of equal length");
            }
            int axis = Shapes.axis(a.getInt("axis", 1), x.rank());
            if (ms.length != x.dim(axis)) {
                throw ctx.error(ms.length + " multipliers for " + x.dim(axis) + " channels along axis " + axis);
            }
            Requantizer[] rs = new Requantizer[ms.length];
            for (int i = 0; i < rs.length; i++) {
                rs[i] = new Requantizer(ms[i], Math.toIntExact(ss[i]), mode);
            }
            return rs;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
    }

    static List<Tensor> lut(EvalContext ctx) {
        Tensor x = ctx.input(0);
        LookupTable table = table(ctx, fixedInput(ctx, x), QTypes.fixedResult(ctx, 0));
        long[] contents = table.contents();
        long[] v = x.longs();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = contents[table.index(v[i])];
        }
        return List.of(Tensor.ofLongs(table.output(), x.shape(), out));
    }

    /** Softmax over the last axis by the steps of {@link dev.nnc.ir.fixed.FixedSoftmax}. */
    static List<Tensor> softmax(EvalContext ctx) {
        Tensor x = ctx.input(0);
        fixedInput(ctx, x);
        if (x.rank() == 0) {
            throw ctx.error("softmax needs an axis; the operand is a scalar");
        }
        dev.nnc.ir.fixed.FixedSoftmax s;
        try {
            s = QSoftmax.of(ctx.op());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
        int n = x.dim(x.rank() - 1);
        return List.of(Tensor.ofLongs(s.output(), x.shape(), n == 0 ? new long[0] : s.apply(x.longs(), n)));
    }

    /** The table a q.lut op describes: its function's defaults unless log2_size, lo or hi are set. */
    static LookupTable table(EvalContext ctx, FixedType in, FixedType out) {
        OpAttributes a = ctx.attrs();
        try {
            LutFunction f = LutFunction.parse(a.getString("function"));
            int log2 = Math.toIntExact(a.getInt("log2_size", LutFunction.DEFAULT_LOG2_SIZE));
            return new LookupTable(f, in, out, log2, a.getFloat("lo", f.defaultLo()), a.getFloat("hi", f.defaultHi()), mode(ctx));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
    }

    private static CastMode mode(EvalContext ctx) {
        try {
            return QTypes.mode(ctx.attrs());
        } catch (IllegalArgumentException e) {
            throw ctx.error(e.getMessage());
        }
    }

    private static FixedType fixedInput(EvalContext ctx, Tensor x) {
        if (x.elementType() instanceof FixedType ft) {
            return ft;
        }
        throw ctx.error("operand must be a fixed-point tensor, got " + x.elementType().spelling());
    }
}
