package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.ElementwiseStep;
import dev.nnc.cpu.gen.JavaModel.Operand;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Element-wise ops, generated inline as loop nests (a call would buy nothing): the scalar
 * function is the template named after the op in {@code Scalar.stg}, its float attributes are
 * the step's parameters, and {@link BroadcastLoops} gives the loops and index expressions.
 */
final class ElementwiseLowering implements OpLowering {
    static final Set<String> UNARY = Set.of("Relu", "Sigmoid", "Tanh", "Exp", "Log", "Neg", "Abs", "Sqrt",
            "Reciprocal", "Floor", "Ceil", "Sin", "Cos", "Softplus", "Softsign", "Sign", "Round", "HardSwish",
            "LeakyRelu", "Elu", "Selu", "Celu", "HardSigmoid", "ThresholdedRelu", "Clip", "Swish");
    static final Set<String> BINARY = Set.of("Add", "Sub", "Mul", "Div", "Pow", "PRelu", "Max", "Min", "Sum");
    /** Float attributes each op's scalar template reads. */
    private static final Map<String, List<String>> PARAMS = Map.of("LeakyRelu", List.of("alpha"), "Elu",
            List.of("alpha"), "Selu", List.of("alpha", "gamma"), "Celu", List.of("alpha"), "HardSigmoid",
            List.of("alpha", "beta"), "ThresholdedRelu", List.of("alpha"), "Swish", List.of("alpha"));

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        String fn = op.opName();
        List<Value> data = new ArrayList<>();
        Map<String, Float> params = new LinkedHashMap<>();
        OpAttributes a = ctx.attrs(op);
        for (String p : PARAMS.getOrDefault(fn, List.of())) {
            params.put(p, (float) a.getFloat(p));
        }
        if (fn.equals("Clip")) {
            clipBounds(op, ctx, a, params);
            data.add(op.operand(0));
        } else if (BINARY.contains(fn)) {
            if (op.numOperands() != 2) {
                throw ctx.unsupported(op, op.numOperands() + " operands (only 2 are supported)");
            }
            data.addAll(op.operands());
        } else {
            data.add(op.operand(0));
        }
        List<int[]> shapes = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        for (Value v : data) {
            shapes.add(ctx.shape(v));
            arrays.add(ctx.read(v, op));
        }
        String out = ctx.write(op.result(0), op);
        BroadcastLoops plan = BroadcastLoops.plan(ctx.shape(op.result(0)), shapes);
        List<Operand> operands = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            operands.add(new Operand(arrays.get(i), plan.operandIndex().get(i)));
        }
        ctx.addStep(new ElementwiseStep(ctx.method(op), ctx.describe(op), fn, operands, out, plan.outIndex(),
                plan.loops(), params));
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
