package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The experimental element-wise ops of opsets 1-9 that opset 10 removed, kept so old models
 * import: {@code Affine} (alpha*x + beta), {@code ScaledTanh} (alpha*tanh(beta*x)),
 * {@code ParametricSoftplus} (alpha*ln(exp(beta*x) + 1)) and {@code ImageScaler}
 * (scale*x + bias[c] on NCHW). Their attributes without defaults are required, as in ONNX Runtime.
 */
public final class LegacyKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/legacy.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Affine", Infer::sameAsFirst, ctx -> {
            double alpha = ActivationKernels.attr(ctx, "alpha");
            double beta = ActivationKernels.attr(ctx, "beta");
            return map(ctx, v -> alpha * v + beta);
        });
        t.op("ScaledTanh", Infer::sameAsFirst, ctx -> {
            double alpha = ActivationKernels.attr(ctx, "alpha");
            double beta = ActivationKernels.attr(ctx, "beta");
            return map(ctx, v -> alpha * Math.tanh(beta * v));
        });
        t.op("ParametricSoftplus", Infer::sameAsFirst, ctx -> {
            double alpha = ActivationKernels.attr(ctx, "alpha");
            double beta = ActivationKernels.attr(ctx, "beta");
            return map(ctx, v -> alpha * SpecialFunctions.softplus(beta * v));
        });
        t.op("ImageScaler", Infer::sameAsFirst, ctx -> List.of(imageScaler(ctx)));
    }

    private static List<Tensor> map(EvalContext ctx, DoubleUnaryOperator f) {
        Tensor x = ElementwiseSupport.requireFloat(ctx, ctx.input(0), "X");
        return List.of(ElementwiseSupport.mapDouble(x, x.elementType(), f));
    }

    /** scale * x + bias[c] for an NCHW input (bias absent: zeros). */
    private static Tensor imageScaler(EvalContext ctx) {
        Tensor x = ElementwiseSupport.requireFloat(ctx, ctx.input(0), "input");
        if (x.rank() != 4) {
            throw ctx.error("input must be NCHW (rank 4), got shape " + Arrays.toString(x.shape()));
        }
        int c = x.dim(1);
        double scale = ActivationKernels.attr(ctx, "scale");
        double[] bias = ctx.attrs().getFloats("bias", new double[c]);
        if (bias.length != c) {
            throw ctx.error("bias has " + bias.length + " values for " + c + " channels");
        }
        int plane = x.dim(2) * x.dim(3);
        double[] in = x.doubles();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = scale * in[i] + (float) bias[(i / plane) % c];
        }
        return Tensor.ofDoubles(x.elementType(), x.shape(), out);
    }
}
