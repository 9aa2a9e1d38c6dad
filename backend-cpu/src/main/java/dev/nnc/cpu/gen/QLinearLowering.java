package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.ConvField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.onnx.kernels.Window;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Conv, Gemm and MatMul on fixed-point operands as calls of {@code QConv} and {@code QGemm}: the
 * exact dot product in the accumulator type {@link FixedRules#dot} (int arithmetic when it fits,
 * else long), plus the bias by {@link FixedRules#sum}, then one cast to the declared type (none
 * when it is the exact type). The bias is aligned to the exact sum's fractional bits once, at
 * build time, and a transposed Gemm weight is pre-packed row-major.
 */
final class QLinearLowering implements OpLowering {
    private final QStatics statics;

    QLinearLowering(QStatics statics) {
        this.statics = statics;
    }

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        try {
            switch (op.opName()) {
                case "Conv" -> conv(op, ctx);
                case "Gemm" -> gemm(op, ctx);
                default -> matmul(op, ctx);
            }
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
    }

    private void conv(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        int[] ws = ctx.shape(op.operand(1));
        if (xs.length < 3 || xs.length > 5 || ws.length != xs.length) {
            throw ctx.unsupported(op, "only 1-D, 2-D and 3-D convolutions are supported");
        }
        OpAttributes a = ctx.attrs(op);
        int group = Math.toIntExact(a.getInt("group", 1));
        Window w;
        try {
            w = Window.of(op.name(), a, Arrays.copyOfRange(xs, 2, xs.length), Arrays.copyOfRange(ws, 2, ws.length), false)
                    .as3d(op.name());
        } catch (NncException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
        FixedType tx = operand(op, ctx, 0);
        FixedType tw = operand(op, ctx, 1);
        int taps = ws[1] * w.kernelSize();
        FixedType acc = FixedRules.dot(tx, tw, taps);
        String geometry = ctx.staticName(op, "geometry");
        ctx.addStatic(new ConvField(geometry, xs[0], xs[1], ws[0], group, window(w)));
        String x = statics.read(ctx, op.operand(0), op);
        String weights = statics.read(ctx, op.operand(1), op);
        Bias bias = bias(op, ctx, acc, new int[] {ws[0]}, ws[0]);
        Epilogue epilogue = epilogue(op, ctx, bias, acc, tx, tw, 1, -1);
        String y = epilogue.write(ctx);
        boolean pointwise = Arrays.stream(w.kernel()).allMatch(k -> k == 1) && Arrays.stream(w.strides()).allMatch(s -> s == 1)
                && Arrays.stream(w.padBegin()).allMatch(p -> p == 0) && Arrays.equals(w.in(), w.out());
        Object scratch = pointwise ? "null" : ctx.scratch(op, taps * w.outSize(), QStatics.javaType(tx));
        ctx.addStep(new KernelStep(ctx.method(op), epilogue.comment(ctx), List.of(new Call("QConv.forward",
                List.of(geometry, x, weights, bias.field, y, scratch, epilogue.field, "parallel")))));
    }

    private void gemm(Operation op, LoweringContext ctx) {
        OpAttributes a = ctx.attrs(op);
        if (a.getFloat("alpha", 1) != 1 || a.getFloat("beta", 1) != 1) {
            throw ctx.unsupported(op, "fixed-point Gemm needs alpha = beta = 1; fold the scales into the weights");
        }
        if (a.getInt("transA", 0) != 0) {
            throw ctx.unsupported(op, "fixed-point Gemm with transA = 1 is not supported");
        }
        boolean transB = a.getInt("transB", 0) != 0;
        int[] as = ctx.shape(op.operand(0));
        int[] bs = ctx.shape(op.operand(1));
        int m = as[0];
        int k = as[1];
        int n = transB ? bs[0] : bs[1];
        FixedType ta = operand(op, ctx, 0);
        FixedType tb = operand(op, ctx, 1);
        FixedType acc = FixedRules.dot(ta, tb, k);
        String x = statics.read(ctx, op.operand(0), op);
        String b;
        if (transB) {
            Tensor c = ctx.constant(op.operand(1));
            if (c == null) {
                throw ctx.unsupported(op, "fixed-point Gemm with transB = 1 needs a constant B");
            }
            b = ctx.weight(op.operand(1).nameHint() + "_packed", QStatics.raws(transpose(c, n, k)));
        } else {
            b = statics.read(ctx, op.operand(1), op);
        }
        Bias bias = bias(op, ctx, acc, new int[] {m, n}, -1);
        Epilogue epilogue = epilogue(op, ctx, bias, acc, ta, tb, 0, 1);
        String y = epilogue.write(ctx);
        ctx.addStep(new KernelStep(ctx.method(op), epilogue.comment(ctx), List.of(new Call("QGemm.matmul",
                List.of(x, 0, b, 0, y, 0, m, k, n, bias.field, 0, bias.rowStride, bias.colStride, epilogue.field, "parallel")))));
    }

    private void matmul(Operation op, LoweringContext ctx) {
        int[] as = ctx.shape(op.operand(0));
        int[] bs = ctx.shape(op.operand(1));
        if (bs.length != 2 || as.length < 2) {
            throw ctx.unsupported(op, "fixed-point MatMul needs A of rank >= 2 and a matrix B");
        }
        int k = as[as.length - 1];
        int m = Math.toIntExact(Shapes.size(as) / k);
        int n = bs[1];
        FixedType ta = operand(op, ctx, 0);
        FixedType tb = operand(op, ctx, 1);
        FixedType acc = FixedRules.dot(ta, tb, k);
        String x = statics.read(ctx, op.operand(0), op);
        String b = statics.read(ctx, op.operand(1), op);
        Epilogue epilogue = epilogue(op, ctx, new Bias("null", acc, 0, 0), acc, ta, tb, -1, as.length - 1);
        String y = epilogue.write(ctx);
        ctx.addStep(new KernelStep(ctx.method(op), epilogue.comment(ctx), List.of(new Call("QGemm.matmul",
                List.of(x, 0, b, 0, y, 0, m, k, n, "null", 0, 0, 0, epilogue.field, "parallel")))));
    }

    /** The bias weight (raws aligned to the exact sum's fractional bits, as long), the exact type, and its strides. */
    private record Bias(String field, FixedType exact, int rowStride, int colStride) {
    }

    /**
     * The optional third operand: a constant broadcast to [M] (Conv, {@code channels} >= 0) or to
     * [m, n] (Gemm), aligned once to the fractional bits of {@code FixedRules.sum(acc, bias)}.
     */
    private Bias bias(Operation op, LoweringContext ctx, FixedType acc, int[] outShape, int channels) {
        if (op.numOperands() < 3 || op.operand(2).type() == NoneType.NONE) {
            return new Bias("null", acc, 0, 0);
        }
        Value v = op.operand(2);
        FixedType tc = operand(op, ctx, 2);
        Tensor c = ctx.constant(v);
        if (c == null) {
            throw ctx.unsupported(op, "the fixed-point bias must be a constant");
        }
        FixedType total = FixedRules.sum(acc, tc);
        int shift = total.fractionBits() - tc.fractionBits();
        long[] raws = c.longs();
        long[] aligned = new long[raws.length];
        for (int i = 0; i < raws.length; i++) {
            aligned[i] = FixedRules.align(raws[i], tc, total.fractionBits());
        }
        int[] cs = c.shape();
        int rowStride;
        int colStride;
        if (channels >= 0) {
            if (c.size() != channels) {
                throw ctx.unsupported(op, "bias has " + c.size() + " values for " + channels + " output channels");
            }
            rowStride = 1;
            colStride = 0;
        } else {
            if (!Arrays.equals(Shapes.broadcast(cs, outShape), outShape)) {
                throw ctx.unsupported(op, "C of shape " + Arrays.toString(cs) + " does not broadcast to " + Arrays.toString(outShape));
            }
            int cm = cs.length == 2 ? cs[0] : 1;
            int cn = cs.length == 0 ? 1 : cs[cs.length - 1];
            rowStride = cm == 1 ? 0 : cn;
            colStride = cn == 1 ? 0 : 1;
        }
        assert shift >= 0;
        String field = ctx.weight(v.nameHint() + "_aligned", Tensor.ofLongs(IntegerType.I64, cs, aligned));
        return new Bias(field, total, rowStride, colStride);
    }

    /** The epilogue field, and the op whose result the layer stores (itself, or a fused q.cast / q.requantize). */
    private record Epilogue(String field, Operation op, Operation stored) {
        String write(LoweringContext ctx) {
            return ctx.writeTyped(stored.result(0), stored);
        }

        /** The step's Javadoc: the layer, and the fused op's result. */
        String comment(LoweringContext ctx) {
            return ctx.describe(op) + (stored == op ? "" : "; " + stored.opName() + " to " + stored.result(0).type());
        }
    }

    /**
     * The static {@code QEpilogue} of the op: accumulator shift, exact and stored types, int or
     * long accumulation. When the layer's exact result has one use, a q.cast or a q.requantize
     * (per tensor, or per channel along {@code rowAxis} / {@code columnAxis} of the result; -1:
     * none), that op is done here as the result is stored, and its own step disappears.
     */
    private Epilogue epilogue(Operation op, LoweringContext ctx, Bias bias, FixedType acc, FixedType ta, FixedType tb,
                              int rowAxis, int columnAxis) {
        FixedType out = QStatics.fixed(op.result(0));
        if (out == null) {
            throw ctx.unsupported(op, "fixed-point operands need a fixed-point result type, got " + op.result(0).type());
        }
        boolean intAcc = Dtype.fitsInt(ta) && Dtype.fitsInt(tb) && Dtype.fitsInt(acc);
        int accShift = bias.exact.fractionBits() - acc.fractionBits();
        String exact = statics.type(ctx, bias.exact);
        Operation next = consumer(op, ctx, bias.exact);
        String init;
        Operation stored = op;
        if (next != null && next.name().equals(dev.nnc.ir.q.QDialect.CAST)) {
            stored = next;
            init = "new QEpilogue(" + accShift + ", " + exact + ", " + statics.type(ctx, QStatics.fixed(next.result(0))) + ", "
                    + intAcc + ", null, false, " + statics.mode(ctx, QFormatLowering.mode(ctx.attrs(next))) + ")";
        } else if (next != null && requantizers(next, ctx, rowAxis, columnAxis) != null) {
            stored = next;
            List<String> rs = requantizers(next, ctx, rowAxis, columnAxis);
            boolean perColumn = rs.size() > 1 && Shapes.axis(ctx.attrs(next).getInt("axis", 1), ctx.shape(next.operand(0)).length)
                    == columnAxis;
            String name = statics.constant(ctx, next, "requantizers", "Requantizer[]",
                    "{\n        " + String.join(",\n        ", rs) + "}");
            init = "new QEpilogue(" + accShift + ", " + exact + ", " + statics.type(ctx, QStatics.fixed(next.result(0))) + ", "
                    + intAcc + ", " + name + ", " + perColumn + ", CastMode.DEFAULT)";
        } else {
            init = "new QEpilogue(" + accShift + ", " + exact + ", " + statics.type(ctx, out) + ", " + intAcc + ")";
        }
        if (stored != op) {
            statics.fuse(stored);
        }
        return new Epilogue(statics.constant(ctx, op, "epilogue", "QEpilogue", init), op, stored);
    }

    /** The one q.cast / q.requantize reading the layer's exact result, when it can be fused; else null. */
    private static Operation consumer(Operation op, LoweringContext ctx, FixedType exact) {
        Value v = op.result(0);
        if (!exact.equals(QStatics.fixed(v)) || ctx.isOutput(v) || v.uses().size() != 1) {
            return null;
        }
        Operation next = v.uses().get(0).user();
        boolean q = next.name().equals(dev.nnc.ir.q.QDialect.CAST) || next.name().equals(dev.nnc.ir.q.QDialect.REQUANTIZE);
        return q && QStatics.fixed(next.result(0)) != null ? next : null;
    }

    /**
     * The requantizers of a q.requantize as constructor expressions, when the epilogue can apply
     * them: per tensor, or one per index of the row or column axis; else null.
     */
    private List<String> requantizers(Operation next, LoweringContext ctx, int rowAxis, int columnAxis) {
        if (!next.name().equals(dev.nnc.ir.q.QDialect.REQUANTIZE)) {
            return null;
        }
        OpAttributes a = ctx.attrs(next);
        dev.nnc.ir.fixed.CastMode mode = QFormatLowering.mode(a);
        List<String> out = new ArrayList<>();
        if (a.has("multiplier") && a.has("shift") && !a.has("multipliers") && !a.has("shifts")) {
            out.add(statics.requantizer(ctx, new dev.nnc.ir.fixed.Requantizer(a.getInt("multiplier"),
                    Math.toIntExact(a.getInt("shift")), mode)));
            return out;
        }
        long[] ms = a.getInts("multipliers", null);
        long[] ss = a.getInts("shifts", null);
        int[] shape = ctx.shape(next.operand(0));
        if (a.has("multiplier") || a.has("shift") || ms == null || ss == null || ms.length != ss.length || ms.length == 0) {
            return null; // the q.requantize lowering reports it
        }
        int axis = Shapes.axis(a.getInt("axis", 1), shape.length);
        if ((axis != rowAxis && axis != columnAxis) || ms.length != shape[axis]) {
            return null;
        }
        for (int i = 0; i < ms.length; i++) {
            out.add(statics.requantizer(ctx, new dev.nnc.ir.fixed.Requantizer(ms[i], Math.toIntExact(ss[i]), mode)));
        }
        return out;
    }

    private static Tensor transpose(Tensor c, int rows, int cols) {
        long[] v = c.longs();
        long[] t = new long[v.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = v[i * cols + j];
            }
        }
        return Tensor.ofLongs(c.elementType(), new int[] {cols, rows}, t);
    }

    private static FixedType operand(Operation op, LoweringContext ctx, int i) {
        FixedType f = QStatics.fixed(op.operand(i));
        if (f == null) {
            throw ctx.unsupported(op, "operand '" + op.operand(i).nameHint() + "' is " + op.operand(i).type()
                    + " but another operand is fixed-point; quantize it first");
        }
        return f;
    }

    static JavaModel.Window window(Window w) {
        return new JavaModel.Window(list(w.in()), list(w.kernel()), list(w.strides()), list(w.dilations()),
                list(w.padBegin()), list(w.padEnd()), list(w.out()));
    }

    private static List<Integer> list(int[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
