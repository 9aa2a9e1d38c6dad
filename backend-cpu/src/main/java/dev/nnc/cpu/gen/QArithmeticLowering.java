package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.ElementwiseStep;
import dev.nnc.cpu.gen.JavaModel.Fn;
import dev.nnc.cpu.gen.JavaModel.Infix;
import dev.nnc.cpu.gen.JavaModel.Leaf;
import dev.nnc.cpu.gen.JavaModel.Lit;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.fixed.Overflow;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.ArrayList;
import java.util.List;

/**
 * Element-wise onnx ops on fixed-point raws, as {@code FixedKernels} defines them: Add/Sub align
 * both operands to the exact type's fractional bits (an exact left shift) and add, Mul multiplies
 * exactly, Relu and Clip clamp raws; then one cast (project default mode) to the declared type,
 * left out when the declared type is the exact one. One loop nest with numpy broadcasting; the
 * arithmetic is in long, which holds every exact type.
 */
final class QArithmeticLowering implements OpLowering {
    private final QStatics statics;

    QArithmeticLowering(QStatics statics) {
        this.statics = statics;
    }

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        List<Value> data = op.opName().equals("Clip") || op.opName().equals("Relu") ? List.of(op.operand(0)) : op.operands();
        if (data.size() > 2) {
            throw ctx.unsupported(op, data.size() + " operands (only 2 are supported)");
        }
        List<FixedType> types = new ArrayList<>();
        for (Value v : data) {
            FixedType f = QStatics.fixed(v);
            if (f == null) {
                throw ctx.unsupported(op, "operand '" + v.nameHint() + "' is " + v.type()
                        + " but another operand is fixed-point; quantize it first");
            }
            types.add(f);
        }
        FixedType out = QStatics.fixed(op.result(0));
        if (out == null) {
            throw ctx.unsupported(op, "fixed-point operands need a fixed-point result type, got " + op.result(0).type());
        }
        if (op.opName().equals("Relu") && !types.get(0).signed() && types.get(0).equals(out)) {
            ctx.alias(op.result(0), op.operand(0), op); // no negative raws: Relu moves nothing
            return;
        }
        List<int[]> shapes = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        for (Value v : data) {
            arrays.add(statics.read(ctx, v, op));
            shapes.add(ctx.shape(v));
        }
        String y = ctx.writeTyped(op.result(0), op);
        BroadcastLoops plan = BroadcastLoops.plan(ctx.shape(op.result(0)), shapes);
        List<Object> x = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            x.add(new JavaModel.Convert("long", new Leaf(arrays.get(i), plan.operandIndex().get(i))));
        }
        FixedType exact;
        Object value;
        try {
            switch (op.opName()) {
                case "Add", "Sub" -> {
                    boolean sub = op.opName().equals("Sub");
                    exact = sub ? FixedRules.difference(types.get(0), types.get(1)) : FixedRules.sum(types.get(0), types.get(1));
                    int f = exact.fractionBits();
                    value = new Infix(sub ? "-" : "+", align(x.get(0), f - types.get(0).fractionBits()),
                            align(x.get(1), f - types.get(1).fractionBits()));
                }
                case "Mul" -> {
                    exact = FixedRules.product(types.get(0), types.get(1));
                    value = new Infix("*", x.get(0), x.get(1));
                }
                case "Relu" -> {
                    exact = types.get(0);
                    value = exact.signed() ? new Fn("Math.max", List.of(x.get(0), new Lit("0L"))) : x.get(0);
                }
                default -> {
                    exact = types.get(0);
                    if (!exact.equals(out)) {
                        throw ctx.unsupported(op, "fixed-point Clip must keep its operand's type " + exact.spelling());
                    }
                    long[] bounds = clipBounds(op, ctx, exact);
                    value = new Fn("Math.min", List.of(new Fn("Math.max", List.of(x.get(0), new Lit(bounds[0] + "L"))),
                            new Lit(bounds[1] + "L")));
                }
            }
        } catch (ArithmeticException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
        if (!exact.equals(out)) {
            value = new Fn("FixedCast.cast", List.of(value, new Lit(statics.type(ctx, exact)), new Lit(statics.type(ctx, out)),
                    new Lit(statics.mode(ctx, dev.nnc.ir.fixed.CastMode.DEFAULT))));
        }
        ctx.addStep(new ElementwiseStep(ctx.method(op), ctx.describe(op), List.of(), QFormatLowering.convert(out, value), y,
                plan.outIndex(), plan.loops()));
    }

    private static Object align(Object x, int shift) {
        return shift == 0 ? x : new Infix("<<", x, new Lit(String.valueOf(shift)));
    }

    /**
     * Clip's raw bounds in X's type, from the interpreter's own Clip: it clips the smallest and
     * the largest raw of the type, which gives the lower and the upper bound (Clip is monotone),
     * however the bounds were given (attributes, fixed or integer constants).
     */
    private static long[] clipBounds(Operation op, LoweringContext ctx, FixedType t) {
        if (!t.signed() && t.width() == 64) {
            throw ctx.unsupported(op, "Clip of ufixed<64> is not supported");
        }
        List<Tensor> ins = new ArrayList<>();
        ins.add(Tensor.ofLongs(t, new int[] {2}, new long[] {Overflow.minRaw(t).longValue(), Overflow.maxRaw(t).longValue()}));
        for (int i = 1; i < op.numOperands(); i++) {
            Value v = op.operand(i);
            if (v.type() instanceof dev.nnc.ir.type.NoneType) {
                ins.add(null);
                continue;
            }
            Tensor c = ctx.constant(v);
            if (c == null) {
                throw ctx.unsupported(op, "fixed-point Clip bounds must be constants");
            }
            ins.add(c);
        }
        OpSpec spec = DialectRegistry.standard().lookup(op.name()).orElseThrow();
        EvalContext ec = new EvalContext(op, spec, ins, ctx.opset());
        Tensor r = dev.nnc.ir.spec.Semantics.tensorsOrNull(spec.semantics().evaluate(ec)).get(0);
        long[] v = r.longs();
        return new long[] {v[0], v[1]};
    }
}
