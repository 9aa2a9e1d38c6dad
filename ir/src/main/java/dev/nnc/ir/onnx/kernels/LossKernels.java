package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code NegativeLogLikelihoodLoss} and {@code SoftmaxCrossEntropyLoss} (the latter = log-softmax
 * over axis 1, then the former). Input [N, C, d1..dk], target [N, d1..dk]. Each position's loss is
 * {@code -w[t] * input[n, t, d]}, zero where t is {@code ignore_index}; {@code mean} divides the
 * sum by the sum of the weights that took part (the count when there are no weights).
 */
public final class LossKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/loss.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("NegativeLogLikelihoodLoss", ctx -> infer(ctx, 1), ctx -> List.of(nll(ctx, ctx.input(0).toDoubles())));
        t.op("SoftmaxCrossEntropyLoss", ctx -> infer(ctx, 2), LossKernels::softmaxCrossEntropy);
    }

    private static List<Tensor> softmaxCrossEntropy(EvalContext ctx) {
        Tensor x = ctx.input(0);
        if (x.rank() < 2) {
            throw ctx.error("scores must have rank >= 2, got " + x.rank());
        }
        int[] oi = ReduceLayout.outerInner(x.shape(), 1);
        double[] logProb = Softmax.logSoftmax(x.toDoubles(), oi[0], oi[1], oi[2]);
        Tensor loss = nll(ctx, logProb);
        return List.of(loss, Tensor.ofDoubles(x.elementType(), x.shape(), logProb));
    }

    private static Tensor nll(EvalContext ctx, double[] in) {
        Tensor x = ctx.input(0);
        Tensor target = ctx.input(1);
        if (x.rank() < 2) {
            throw ctx.error("input must have rank >= 2, got " + x.rank());
        }
        int n = x.dim(0);
        int c = x.dim(1);
        int d = x.size() / Math.max(1, n * c);
        if (target.size() != n * d) {
            throw ctx.error("target has " + target.size() + " elements, expected " + n * d);
        }
        double[] weight = ctx.hasInput(2) ? ctx.input(2).toDoubles() : null;
        boolean hasIgnore = ctx.attrs().get("ignore_index") != null;
        long ignore = hasIgnore ? ctx.attrs().getInt("ignore_index") : 0;
        long[] t = target.toLongs();
        double[] loss = new double[n * d];
        double weightSum = 0;
        double lossSum = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                long cls = t[i * d + k];
                if (hasIgnore && cls == ignore) {
                    continue;
                }
                if (cls < 0 || cls >= c) {
                    throw ctx.error("target class " + cls + " outside [0, " + c + ")");
                }
                double w = weight == null ? 1 : weight[(int) cls];
                double l = -w * in[(i * c + (int) cls) * d + k];
                loss[i * d + k] = l;
                lossSum += l;
                weightSum += w;
            }
        }
        String reduction = ctx.attrs().getString("reduction", "mean");
        ElementType et = x.elementType();
        return switch (reduction) {
            case "none" -> Tensor.ofDoubles(et, target.shape(), loss);
            case "sum" -> Tensor.scalar(et, lossSum);
            case "mean" -> Tensor.scalar(et, lossSum / weightSum);
            default -> throw ctx.error("unknown reduction '" + reduction + "'");
        };
    }

    private static List<Type> infer(InferContext ctx, int results) {
        TensorType x = ConstOperands.ranked(ctx, 0);
        TensorType target = ConstOperands.ranked(ctx, 1);
        List<Type> out = new ArrayList<>(Infer.unknown(results));
        if (x == null) {
            return out;
        }
        String reduction = ctx.attrs().getString("reduction", "mean");
        if (!reduction.equals("none")) {
            out.set(0, TensorType.of(x.elementType()));
        } else if (target != null) {
            out.set(0, target.withElementType(x.elementType()));
        }
        if (results > 1) {
            out.set(1, x);
        }
        return out;
    }
}
