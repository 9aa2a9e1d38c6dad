package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.ElementwiseStep;
import dev.nnc.ir.core.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The activation of a {@code FusedConv} / {@code FusedGemm} (made by the {@code fuse} pass):
 * applied in place to the base op's output by the scalar template of the activation op, its
 * {@code activation_params} named as that template reads them.
 */
final class FusedActivation {
    /** Parameter names of each activation, in {@code activation_params} order. */
    private static final Map<String, List<String>> PARAMS = Map.of("Clip", List.of("min", "max"),
            "LeakyRelu", List.of("alpha"), "HardSigmoid", List.of("alpha", "beta"));

    private FusedActivation() {
    }

    /** Adds the in-place activation step when {@code op} is a fused op; {@code out} holds its result. */
    static void addIfFused(Operation op, LoweringContext ctx, String out) {
        if (!op.opName().startsWith("Fused")) {
            return;
        }
        String act = ctx.attrs(op).getString("activation");
        double[] p = ctx.attrs(op).getFloats("activation_params", new double[0]);
        List<String> names = PARAMS.getOrDefault(act, List.of());
        if (!ElementwiseLowering.UNARY.contains(act) || p.length != names.size()) {
            throw ctx.unsupported(op, "fused activation " + act + " with " + p.length + " parameters is not supported");
        }
        Map<String, Float> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), (float) p[i]);
        }
        int size = Math.toIntExact(LinearLowering.product(ctx.shape(op.result(0))));
        JavaModel.Leaf y = new JavaModel.Leaf(out, "i");
        ctx.addStep(new ElementwiseStep(ctx.method(op, act), act + " fused into " + op.opName(), List.of(),
                new JavaModel.Apply(act, y, y, params), out, "i", List.of(new JavaModel.Loop("i", size))));
    }
}
