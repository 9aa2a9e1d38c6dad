package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Activation functions, {@code Clip} and inference-mode {@code Dropout}. Float attributes are
 * float32 in ONNX, so they are rounded to float before use, as the reference does. Relu, PRelu,
 * Shrink and Clip also take integers.
 */
public final class ActivationKernels implements KernelFamily {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    @Override
    public String table() {
        return "kernels/activation.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Relu", Infer::sameAsFirst, ctx -> {
            if (FixedKernels.applies(ctx)) return FixedKernels.relu(ctx);
            Tensor x = ElementwiseSupport.requireNumeric(ctx, ctx.input(0), "X");
            ElementType e = x.elementType();
            if (e.isFloat()) {
                return List.of(ElementwiseSupport.mapDouble(x, e, v -> v < 0 ? 0.0 : v));
            }
            boolean unsigned = ElementwiseSupport.isUnsigned(e);
            return List.of(ElementwiseSupport.mapLong(x, e, v -> unsigned || v >= 0 ? v : 0));
        });
        floatOp(t, "LeakyRelu", ctx -> {
            double alpha = attr(ctx, "alpha");
            return v -> v < 0 ? alpha * v : v;
        });
        t.op("PRelu", Infer::sameAsFirst, ActivationKernels::prelu);
        floatOp(t, "Elu", ctx -> {
            double alpha = attr(ctx, "alpha");
            return v -> v < 0 ? alpha * Math.expm1(v) : v;
        });
        floatOp(t, "Selu", ctx -> {
            double alpha = attr(ctx, "alpha");
            double gamma = attr(ctx, "gamma");
            return v -> v <= 0 ? gamma * alpha * Math.expm1(v) : gamma * v;
        });
        floatOp(t, "Celu", ctx -> {
            double alpha = attr(ctx, "alpha");
            return v -> Math.max(0, v) + Math.min(0, alpha * Math.expm1(v / alpha));
        });
        floatOp(t, "Sigmoid", ctx -> SpecialFunctions::sigmoid);
        floatOp(t, "HardSigmoid", ctx -> {
            double alpha = attr(ctx, "alpha");
            double beta = attr(ctx, "beta");
            return v -> Math.max(0, Math.min(1, alpha * v + beta));
        });
        floatOp(t, "HardSwish", ctx -> v -> v * Math.max(0, Math.min(1, v / 6 + 0.5)));
        floatOp(t, "Softplus", ctx -> SpecialFunctions::softplus);
        floatOp(t, "Softsign", ctx -> v -> v / (1 + Math.abs(v)));
        floatOp(t, "ThresholdedRelu", ctx -> {
            double alpha = attr(ctx, "alpha");
            return v -> v > alpha ? v : 0;
        });
        t.op("Shrink", Infer::sameAsFirst, ActivationKernels::shrink);
        floatOp(t, "Gelu", ActivationKernels::gelu);
        floatOp(t, "Mish", ctx -> v -> v * Math.tanh(SpecialFunctions.softplus(v)));
        floatOp(t, "Swish", ctx -> {
            double alpha = attr(ctx, "alpha");
            return v -> v * SpecialFunctions.sigmoid(alpha * v);
        });
        t.op("SwiGLU", ElementwiseInfer::sameElement, ActivationKernels::swiglu);
        t.op("Clip", Infer::sameAsFirst, ctx -> List.of(ClipKernel.clip(ctx)));
        t.op("Dropout", ActivationKernels::dropoutTypes, ActivationKernels::dropout);
    }

    /** An ONNX float attribute (float32) as the double the reference computes with. */
    static double attr(EvalContext ctx, String name) {
        return (float) ctx.attrs().getFloat(name);
    }

    /** Registers a float-only op whose scalar rule depends on the attributes. */
    private static void floatOp(KernelTable t, String name, Function<EvalContext, DoubleUnaryOperator> rule) {
        t.op(name, Infer::sameAsFirst, ctx -> {
            Tensor x = ElementwiseSupport.requireFloat(ctx, ctx.input(0), "X");
            return List.of(ElementwiseSupport.mapDouble(x, x.elementType(), rule.apply(ctx)));
        });
    }

    private static DoubleUnaryOperator gelu(EvalContext ctx) {
        String approx = ctx.attrs().getString("approximate", "none");
        if (approx.equals("none")) {
            return v -> 0.5 * v * (1 + SpecialFunctions.erf(v / Math.sqrt(2)));
        }
        if (approx.equals("tanh")) {
            return v -> 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
        }
        throw ctx.error("approximate must be 'none' or 'tanh', got '" + approx + "'");
    }

    /** PRelu: slope broadcasts to X (unidirectionally); y = x < 0 ? slope * x : x. */
    private static List<Tensor> prelu(EvalContext ctx) {
        Tensor x = ElementwiseSupport.requireNumeric(ctx, ctx.input(0), "X");
        Tensor slope = ctx.input(1);
        ElementwiseSupport.requireSameType(ctx, x, slope);
        ElementType e = x.elementType();
        Tensor y = e.isFloat()
                ? ElementwiseSupport.zipDouble(ctx, x, slope, e, (v, s) -> v < 0 ? s * v : v)
                : ElementwiseSupport.zipLong(ctx, x, slope, e, (v, s) -> v < 0 && !ElementwiseSupport.isUnsigned(e) ? s * v : v);
        if (!Arrays.equals(y.shape(), x.shape())) {
            throw ctx.error("slope of shape " + Arrays.toString(slope.shape())
                    + " does not broadcast to X of shape " + Arrays.toString(x.shape()));
        }
        return List.of(y);
    }

    /** SwiGLU(A, B) = Swish(A, alpha) * B, the gate and value broadcast together (numpy style). */
    private static List<Tensor> swiglu(EvalContext ctx) {
        Tensor a = ElementwiseSupport.requireFloat(ctx, ctx.input(0), "A");
        Tensor b = ctx.input(1);
        ElementwiseSupport.requireSameType(ctx, a, b);
        double alpha = attr(ctx, "alpha");
        return List.of(ElementwiseSupport.zipDouble(ctx, a, b, a.elementType(),
                (x, y) -> x * SpecialFunctions.sigmoid(alpha * x) * y));
    }

    /** Shrink: x < -lambd ? x + bias : x > lambd ? x - bias : 0; integers truncate the result. */
    private static List<Tensor> shrink(EvalContext ctx) {
        Tensor x = ElementwiseSupport.requireNumeric(ctx, ctx.input(0), "input");
        double bias = attr(ctx, "bias");
        double lambd = attr(ctx, "lambd");
        DoubleUnaryOperator f = v -> v < -lambd ? v + bias : v > lambd ? v - bias : 0;
        ElementType e = x.elementType();
        if (e.isFloat()) {
            return List.of(ElementwiseSupport.mapDouble(x, e, f));
        }
        double[] d = x.toDoubles();
        long[] r = new long[d.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = ElementwiseSupport.truncateToLong(f.applyAsDouble(d[i]), e);
        }
        return List.of(Tensor.ofLongs(e, x.shape(), r));
    }

    /** Dropout's mask is bool from opset 10 on, of the input's type before. */
    private static ElementType maskType(ElementType input, int opset) {
        return opset >= 10 ? BoolType.I1 : input;
    }

    private static List<Type> dropoutTypes(InferContext ctx) {
        List<Type> out = new ArrayList<>();
        Type x = ctx.operandType(0);
        out.add(x);
        if (ctx.op().numResults() > 1) {
            out.add(x instanceof TensorType tt ? new TensorType(maskType(tt.elementType(), ctx.opset()), tt.dims()) : null);
        }
        return out;
    }

    /**
     * Inference-mode Dropout: the output is the input and the mask is all ones. Training mode
     * with a non-zero ratio drops at random, which a reference interpreter cannot define.
     */
    private static List<Tensor> dropout(EvalContext ctx) {
        Tensor x = ctx.input(0);
        Tensor training = ctx.input(2);
        if (training != null && training.size() > 0 && training.getLong(0) != 0) {
            double ratio = ctx.hasInput(1) ? ctx.input(1).getDouble(0) : 0.5;
            if (ratio != 0) {
                throw ctx.error("training_mode=true with ratio " + ratio
                        + " drops at random; only inference (or ratio 0) is supported");
            }
        }
        List<Tensor> out = new ArrayList<>();
        out.add(x);
        if (ctx.numOutputs() > 1) {
            ElementType m = maskType(x.elementType(), ctx.opset());
            if (ctx.outputType(1) instanceof TensorType tt && tt.elementType() != null) {
                m = tt.elementType();
            }
            Tensor ones = m.isFloat()
                    ? Tensor.ofDoubles(m, x.shape(), filled(x.size(), 1.0))
                    : Tensor.ofLongs(m, x.shape(), filledLong(x.size()));
            out.add(ones);
        }
        return out;
    }

    private static double[] filled(int n, double v) {
        double[] d = new double[n];
        Arrays.fill(d, v);
        return d;
    }

    private static long[] filledLong(int n) {
        long[] l = new long[n];
        Arrays.fill(l, 1L);
        return l;
    }
}
