package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Type;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code FusedConv} and {@code FusedGemm}: a Conv or Gemm followed by an activation, made by the
 * {@code fuse} pass. The meaning is exactly the two ops in sequence (the base result is rounded to
 * the element type, then the activation applied and rounded again), so fusing never changes
 * outputs. The base op's inference and semantics are reused through the registry.
 */
public final class FusedKernels implements KernelFamily {
    /** The activations a fused op may carry, as spelled in its {@code activation} property. */
    public static final List<String> ACTIVATIONS =
            List.of("Relu", "Clip", "LeakyRelu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh");

    @Override
    public String table() {
        return "kernels/fused.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("FusedConv", FusedKernels::verify, ctx -> infer(ctx, "onnx.Conv"), ctx -> evaluate(ctx, "onnx.Conv"));
        t.op("FusedGemm", FusedKernels::verify, ctx -> infer(ctx, "onnx.Gemm"), ctx -> evaluate(ctx, "onnx.Gemm"));
    }

    /** The activation is one of {@link #ACTIVATIONS} with the right number of parameters. */
    private static void verify(Operation op, Consumer<String> error) {
        String act = op.property("activation") instanceof Attribute.StringAttr s ? s.value() : null;
        if (act == null || !ACTIVATIONS.contains(act)) {
            error.accept("activation must be one of " + String.join(", ", ACTIVATIONS) + ", got " + act);
            return;
        }
        int n = op.property("activation_params") instanceof Attribute.ArrayAttr a ? a.values().size() : 0;
        int want = switch (act) {
            case "LeakyRelu" -> 1;
            case "HardSigmoid", "Clip" -> 2;
            default -> 0;
        };
        if (n != want) {
            error.accept("activation " + act + " takes " + want + " activation_params, got " + n);
        }
    }

    private static OpSpec base(String name) {
        return DialectRegistry.standard().lookup(name).orElseThrow();
    }

    private static List<Type> infer(InferContext ctx, String baseName) {
        OpSpec spec = base(baseName);
        return spec.inference().infer(new InferContext(ctx.op(), ctx.operandTypes(),
                new OpAttributes(ctx.op(), spec), ctx.opset()));
    }

    private static List<Tensor> evaluate(EvalContext ctx, String baseName) {
        OpSpec spec = base(baseName);
        Tensor y = (Tensor) spec.semantics().evaluate(new EvalContext(ctx.op(), spec, ctx.inputs(), ctx.opset())).get(0);
        String act = ctx.attrs().getString("activation");
        double[] p = ctx.attrs().getFloats("activation_params", new double[0]);
        ElementwiseSupport.requireFloat(ctx, y, "Y");
        return List.of(ElementwiseSupport.mapDouble(y, y.elementType(), activation(ctx, act, p)));
    }

    /** The scalar rule of an activation with its parameters, as the activation op computes it. */
    static DoubleUnaryOperator activation(EvalContext ctx, String act, double[] p) {
        switch (act) {
            case "Relu":
                return v -> v < 0 ? 0.0 : v;
            case "Tanh":
                return Math::tanh;
            case "Sigmoid":
                return SpecialFunctions::sigmoid;
            case "HardSwish":
                return v -> v * Math.max(0, Math.min(1, v / 6 + 0.5));
            case "LeakyRelu":
                need(ctx, act, p, 1);
                return v -> v < 0 ? p[0] * v : v;
            case "HardSigmoid":
                need(ctx, act, p, 2);
                return v -> Math.max(0, Math.min(1, p[0] * v + p[1]));
            case "Clip":
                need(ctx, act, p, 2);
                return v -> Math.min(Math.max(v, p[0]), p[1]);
            default:
                throw ctx.error("unknown fused activation '" + act + "' (known: " + String.join(", ", ACTIVATIONS) + ")");
        }
    }

    private static void need(EvalContext ctx, String act, double[] p, int n) {
        if (p.length != n) {
            throw ctx.error("activation " + act + " needs " + n + " activation_params, got " + p.length);
        }
    }
}
