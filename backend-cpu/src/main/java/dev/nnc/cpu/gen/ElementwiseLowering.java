package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.ElementwiseStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Element-wise ops, generated inline as loop nests (a call would buy nothing): the scalar
 * function is the template named after the op in {@code Scalar.stg}, its float attributes are
 * the step's parameters. A chain of element-wise ops whose intermediate results have one use
 * (e.g. bias Add then Relu) becomes one loop: the producer defers its expression to its consumer
 * instead of writing an array.
 */
final class ElementwiseLowering implements OpLowering {
    static final Set<String> UNARY = Set.of("Relu", "Sigmoid", "Tanh", "Exp", "Log", "Neg", "Abs", "Sqrt",
            "Reciprocal", "Floor", "Ceil", "Sin", "Cos", "Softplus", "Softsign", "Sign", "Round", "HardSwish",
            "LeakyRelu", "Elu", "Selu", "Celu", "HardSigmoid", "ThresholdedRelu", "Clip", "Swish", "Tan", "Sinh", "Cosh",
            "Asin", "Acos", "Atan", "Asinh", "Acosh", "Atanh", "Mish", "Erf", "Gelu", "Expand");
    static final Set<String> BINARY = Set.of("Add", "Sub", "Mul", "Div", "Pow", "PRelu", "Max", "Min", "Sum", "Mean");
    /** Float attributes each op's scalar template reads. */
    private static final Map<String, List<String>> PARAMS = Map.of("LeakyRelu", List.of("alpha"), "Elu",
            List.of("alpha"), "Selu", List.of("alpha", "gamma"), "Celu", List.of("alpha"), "HardSigmoid",
            List.of("alpha", "beta"), "ThresholdedRelu", List.of("alpha"), "Swish", List.of("alpha"));

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        String fn = op.opName();
        OpAttributes a = ctx.attrs(op);
        Map<String, Float> params = new LinkedHashMap<>();
        for (String p : PARAMS.getOrDefault(fn, List.of())) {
            params.put(p, (float) a.getFloat(p));
        }
        if (fn.equals("Gelu") && !a.getString("approximate", "none").equals("none")) {
            throw ctx.unsupported(op, "approximate = " + a.getString("approximate", "none") + " is not supported yet");
        }
        if (fn.equals("Clip")) {
            clipBounds(op, ctx, a, params);
        }
        List<Value> data = dataOperands(op, ctx);
        List<ScalarExpr> args = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        List<ScalarExpr.Let> lets = new ArrayList<>();
        for (Value v : data) {
            ScalarExpr.Pending p = ctx.pending(v);
            if (p != null) {
                lets.addAll(p.lets());
                args.add(p.value());
                ops.addAll(p.ops());
            } else {
                args.add(new ScalarExpr.Input(ctx.read(v, op), ctx.shape(v)));
            }
        }
        ops.add(ctx.describe(op));
        ScalarExpr.Apply expr = new ScalarExpr.Apply(fn, args, params);
        Value result = op.result(0);
        if (fusesIntoItsUser(result, ctx)) {
            ScalarExpr.Ref local = new ScalarExpr.Ref(ctx.local(result));
            lets.add(new ScalarExpr.Let(local.name(), expr));
            ctx.defer(result, new ScalarExpr.Pending(lets, local, ops));
            return;
        }
        String out = ctx.write(result, op);
        List<ScalarExpr.Input> leaves = new ArrayList<>();
        lets.forEach(l -> collect(l.value(), leaves));
        collect(expr, leaves);
        BroadcastLoops plan = BroadcastLoops.plan(ctx.shape(result), leaves.stream().map(ScalarExpr.Input::shape).toList());
        int[] next = new int[1];
        List<JavaModel.Local> locals = new ArrayList<>();
        for (ScalarExpr.Let l : lets) {
            locals.add(new JavaModel.Local(l.name(), toModel(l.value(), plan.operandIndex(), next)));
        }
        Object model = toModel(expr, plan.operandIndex(), next);
        ctx.addStep(new ElementwiseStep(ctx.method(op), String.join("; ", ops), locals, model, out, plan.outIndex(),
                plan.loops()));
    }

    private static List<Value> dataOperands(Operation op, LoweringContext ctx) {
        String fn = op.opName();
        if (BINARY.contains(fn)) {
            if (op.numOperands() != 2) {
                throw ctx.unsupported(op, op.numOperands() + " operands (only 2 are supported)");
            }
            return op.operands();
        }
        return List.of(op.operand(0));
    }

    /**
     * True when the value's only reader is an element-wise op of the same result shape reading it
     * as data, so its expression can be computed inside that op's loop.
     */
    private static boolean fusesIntoItsUser(Value v, LoweringContext ctx) {
        if (v.uses().size() != 1 || ctx.isOutput(v)) {
            return false;
        }
        Value.Use use = v.uses().get(0);
        Operation user = use.user();
        String name = user.opName();
        boolean elementwise = user.dialect().equals("onnx") && (UNARY.contains(name) && use.operandIndex() == 0
                || BINARY.contains(name) && user.numOperands() == 2);
        // a user whose type the importer left dynamic is refined only when it is lowered: not fused then
        return elementwise && user.numResults() >= 1 && user.result(0).type() instanceof TensorType t && t.isStatic()
                && Arrays.equals(ctx.shape(v), ctx.shape(user.result(0)));
    }

    private static void collect(ScalarExpr e, List<ScalarExpr.Input> out) {
        if (e instanceof ScalarExpr.Input in) {
            out.add(in);
        } else if (e instanceof ScalarExpr.Apply ap) {
            ap.args().forEach(x -> collect(x, out));
        }
    }

    /** The output-model tree, numbering leaves in the order {@link #collect} listed them. */
    private static Object toModel(ScalarExpr e, List<String> indices, int[] next) {
        if (e instanceof ScalarExpr.Input in) {
            return new JavaModel.Leaf(in.array(), indices.get(next[0]++));
        }
        if (e instanceof ScalarExpr.Ref r) {
            return new JavaModel.LocalRef(r.name());
        }
        ScalarExpr.Apply ap = (ScalarExpr.Apply) e;
        Object a = toModel(ap.args().get(0), indices, next);
        Object b = ap.args().size() > 1 ? toModel(ap.args().get(1), indices, next) : a;
        return new JavaModel.Apply(ap.fn(), a, b, ap.params());
    }

    /** Clip's bounds: attributes before opset 11, constant operands since. */
    private static void clipBounds(Operation op, LoweringContext ctx, OpAttributes a, Map<String, Float> params) {
        float lo = Float.NEGATIVE_INFINITY;
        float hi = Float.POSITIVE_INFINITY;
        if (op.numOperands() == 1 && ctx.opset() < 11) {
            lo = (float) a.getFloat("min", lo);
            hi = (float) a.getFloat("max", hi);
        }
        for (int i = 1; i < op.numOperands(); i++) {
            Value v = op.operand(i);
            if (v.type() == NoneType.NONE) {
                continue;
            }
            Tensor t = ctx.constant(v);
            if (t == null || t.size() != 1 || !t.isDoubles()) {
                throw ctx.unsupported(op, "Clip bounds must be constant float scalars");
            }
            if (i == 1) {
                lo = (float) t.getDouble(0);
            } else {
                hi = (float) t.getDouble(0);
            }
        }
        params.put("min", lo);
        params.put("max", hi);
    }
}
