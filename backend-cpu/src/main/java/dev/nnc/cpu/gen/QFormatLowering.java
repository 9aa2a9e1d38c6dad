package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.ElementwiseStep;
import dev.nnc.cpu.gen.JavaModel.Fn;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.cpu.gen.JavaModel.Leaf;
import dev.nnc.cpu.gen.JavaModel.Lit;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedSoftmax;
import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.fixed.LutFunction;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.q.QDialect;
import dev.nnc.ir.q.QSoftmax;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code q} ops. Quantize, dequantize, cast, per-tensor requantize and lookup tables are one
 * loop each whose body calls the rule of {@code dev.nnc.ir.fixed} ({@code FixedCast.quantize},
 * {@code FixedCast.toDouble}, {@code FixedCast.cast}, {@code Requantizer.apply},
 * {@code LookupTable.index} into the table's contents); per-channel requantize and softmax call
 * {@code QConvert}. Requantizers and tables are static constants built from the op's properties.
 */
final class QFormatLowering implements OpLowering {
    private final QStatics statics;

    QFormatLowering(QStatics statics) {
        this.statics = statics;
    }

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        if (statics.isFused(op)) {
            return; // computed by the epilogue of the layer before it
        }
        OpAttributes a = ctx.attrs(op);
        try {
            switch (op.name()) {
                case QDialect.QUANTIZE -> quantize(op, ctx, a);
                case QDialect.DEQUANTIZE -> dequantize(op, ctx);
                case QDialect.CAST -> cast(op, ctx, a);
                case QDialect.REQUANTIZE -> requantize(op, ctx, a);
                case QDialect.LUT -> lut(op, ctx, a);
                default -> softmax(op, ctx);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
    }

    static CastMode mode(OpAttributes a) {
        return CastMode.parse(a.getString("rounding", CastMode.DEFAULT.rounding().name()),
                a.getString("overflow", CastMode.DEFAULT.overflow().name()));
    }

    private void quantize(Operation op, LoweringContext ctx, OpAttributes a) {
        if (!(op.operand(0).type() instanceof TensorType t) || !(t.elementType() instanceof FloatType)) {
            throw ctx.unsupported(op, "operand must be a float tensor, got " + op.operand(0).type());
        }
        FixedType to = result(op, ctx);
        String mode = statics.mode(ctx, mode(a));
        String type = statics.type(ctx, to);
        inline(op, ctx, x -> convert(to, new Fn("FixedCast.quantize", List.of(x, new Lit(type), new Lit(mode)))));
    }

    private void dequantize(Operation op, LoweringContext ctx) {
        FixedType from = operand(op, ctx);
        TensorType rt = (TensorType) op.result(0).type();
        if (rt.elementType() != FloatType.F32 && rt.elementType() != FloatType.F64) {
            throw ctx.unsupported(op, "result " + rt + ": the CPU backend dequantizes to f32 and f64 only");
        }
        String type = statics.type(ctx, from);
        inline(op, ctx, x -> {
            Fn f = new Fn("FixedCast.toDouble", List.of(x, new Lit(type)));
            return rt.elementType() == FloatType.F32 ? new JavaModel.Convert("float", f) : f;
        });
    }

    private void cast(Operation op, LoweringContext ctx, OpAttributes a) {
        FixedType from = operand(op, ctx);
        FixedType to = result(op, ctx);
        String mode = statics.mode(ctx, mode(a));
        String f = statics.type(ctx, from);
        String t = statics.type(ctx, to);
        inline(op, ctx, x -> convert(to, new Fn("FixedCast.cast", List.of(x, new Lit(f), new Lit(t), new Lit(mode)))));
    }

    private void requantize(Operation op, LoweringContext ctx, OpAttributes a) {
        FixedType from = operand(op, ctx);
        FixedType to = result(op, ctx);
        CastMode mode = mode(a);
        int[] shape = ctx.shape(op.operand(0));
        if (a.has("multiplier") && a.has("shift") && !a.has("multipliers") && !a.has("shifts")) {
            Requantizer r = new Requantizer(a.getInt("multiplier"), Math.toIntExact(a.getInt("shift")), mode);
            String init = statics.requantizer(ctx, r);
            String name = statics.constant(ctx, op, "requantizer", "Requantizer", init);
            String f = statics.type(ctx, from);
            String t = statics.type(ctx, to);
            inline(op, ctx, x -> convert(to, new Fn(name + ".apply", List.of(x, new Lit(f), new Lit(t)))));
            return;
        }
        long[] ms = a.getInts("multipliers", null);
        long[] ss = a.getInts("shifts", null);
        if (a.has("multiplier") || a.has("shift") || ms == null || ss == null || ms.length != ss.length || ms.length == 0) {
            throw ctx.unsupported(op, "needs multiplier and shift, or multipliers and shifts of equal length");
        }
        int axis = Shapes.axis(a.getInt("axis", 1), shape.length);
        if (ms.length != shape[axis]) {
            throw ctx.unsupported(op, ms.length + " multipliers for " + shape[axis] + " channels along axis " + axis);
        }
        List<String> each = new ArrayList<>();
        for (int i = 0; i < ms.length; i++) {
            each.add(statics.requantizer(ctx, new Requantizer(ms[i], Math.toIntExact(ss[i]), mode)));
        }
        String name = statics.constant(ctx, op, "requantizers", "Requantizer[]",
                "{\n        " + String.join(",\n        ", each) + "}");
        int inner = ms.length == 1 ? Math.toIntExact(Shapes.size(shape))
                : Math.toIntExact(Shapes.size(Arrays.copyOfRange(shape, axis + 1, shape.length)));
        String x = statics.read(ctx, op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("QConvert.requantize",
                List.of(x, statics.type(ctx, from), y, statics.type(ctx, to), name, inner, Math.toIntExact(Shapes.size(shape)))))));
    }

    private void lut(Operation op, LoweringContext ctx, OpAttributes a) {
        FixedType from = operand(op, ctx);
        FixedType to = result(op, ctx);
        LutFunction f = LutFunction.parse(a.getString("function"));
        int log2 = Math.toIntExact(a.getInt("log2_size", LutFunction.DEFAULT_LOG2_SIZE));
        LookupTable table = new LookupTable(f, from, to, log2, a.getFloat("lo", f.defaultLo()), a.getFloat("hi", f.defaultHi()),
                mode(a));
        String init = statics.table(ctx, table);
        String name = statics.constant(ctx, op, "table", "LookupTable", init);
        String contents = statics.constant(ctx, op, "entries", "long[]", name + ".contents()");
        inline(op, ctx, x -> convert(to, new Leaf(contents, name + ".index(" + render(x) + ")")));
    }

    private void softmax(Operation op, LoweringContext ctx) {
        operand(op, ctx);
        FixedSoftmax s = QSoftmax.of(op);
        int[] shape = ctx.shape(op.operand(0));
        if (shape.length == 0) {
            throw ctx.unsupported(op, "softmax needs an axis; the operand is a scalar");
        }
        String init = "new FixedSoftmax(" + statics.type(ctx, s.input()) + ", " + statics.table(ctx, s.exp()) + ",\n            "
                + statics.type(ctx, s.recipIn()) + ", " + statics.table(ctx, s.recip()) + ", " + statics.type(ctx, s.output()) + ")";
        String name = statics.constant(ctx, op, "softmax", "FixedSoftmax", init);
        String exp = statics.constant(ctx, op, "exp", "long[]", name + ".exp().contents()");
        String recip = statics.constant(ctx, op, "reciprocal", "long[]", name + ".recip().contents()");
        String x = statics.read(ctx, op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("QConvert.softmax",
                List.of(name, exp, recip, x, y, Math.toIntExact(Shapes.size(shape)), shape[shape.length - 1])))));
    }

    /** One loop over the elements: {@code y[i] = body(x[i])}. */
    private void inline(Operation op, LoweringContext ctx, java.util.function.Function<Object, Object> body) {
        int[] shape = ctx.shape(op.operand(0));
        String x = statics.read(ctx, op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        BroadcastLoops plan = BroadcastLoops.plan(shape, List.of(shape));
        Object expr = body.apply(new Leaf(x, plan.operandIndex().get(0)));
        ctx.addStep(new ElementwiseStep(ctx.method(op), ctx.describe(op), List.of(), expr, y, plan.outIndex(), plan.loops()));
    }

    /** A leaf as Java text (for an index expression that reads it). */
    private static String render(Object leaf) {
        Leaf l = (Leaf) leaf;
        return l.array() + "[" + l.index() + "]";
    }

    /** A raw computed as a long, stored in the array of {@code to} (a narrowing cast for int arrays). */
    static Object convert(FixedType to, Object longExpr) {
        return QStatics.javaType(to).equals("int") ? new JavaModel.Convert("int", longExpr) : longExpr;
    }

    private static FixedType operand(Operation op, LoweringContext ctx) {
        FixedType f = QStatics.fixed(op.operand(0));
        if (f == null) {
            throw ctx.unsupported(op, "operand must be a fixed-point tensor, got " + op.operand(0).type());
        }
        return f;
    }

    private static FixedType result(Operation op, LoweringContext ctx) {
        FixedType f = QStatics.fixed(op.result(0));
        if (f == null) {
            throw ctx.unsupported(op, "result must be a fixed-point tensor, got " + op.result(0).type());
        }
        return f;
    }
}
