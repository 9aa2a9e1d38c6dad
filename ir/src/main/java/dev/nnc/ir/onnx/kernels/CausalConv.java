package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CausalConvWithState}: a depthwise causal 1-D convolution over [batch, channels, length]
 * with weights [channels, 1, k], whose left context is the carried state [batch, channels, k-1]
 * (zeros when absent). Optionally fused with SiLU ({@code silu} / {@code swish}). The second
 * output is the new state: the last k-1 positions of state ++ input.
 */
final class CausalConv {
    private CausalConv() {
    }

    static List<Tensor> run(EvalContext ctx) {
        Tensor x = ctx.input(0);
        Tensor w = ctx.input(1);
        String act = ctx.attrs().getString("activation", "none");
        if (!act.equals("none") && !act.equals("silu") && !act.equals("swish")) {
            throw ctx.error("unknown activation '" + act + "' (none, silu or swish)");
        }
        if (x.rank() != 3 || w.rank() != 3 || w.dim(0) != x.dim(1) || w.dim(1) != 1 || w.dim(2) < 1) {
            throw ctx.error("input must be [B, C, L] and weight [C, 1, k], got " + java.util.Arrays.toString(x.shape())
                    + " and " + java.util.Arrays.toString(w.shape()));
        }
        int b = x.dim(0);
        int c = x.dim(1);
        int len = x.dim(2);
        int k = w.dim(2);
        int ctxLen = k - 1;
        double[] past = ctx.hasInput(3) ? ctx.input(3).toDoubles() : new double[b * c * ctxLen];
        if (past.length != b * c * ctxLen) {
            throw ctx.error("past_state must be [" + b + ", " + c + ", " + ctxLen + "]");
        }
        double[] bias = ctx.hasInput(2) ? ctx.input(2).toDoubles() : null;
        double[] in = x.toDoubles();
        double[] wt = w.toDoubles();
        double[] out = new double[b * c * len];
        double[] state = new double[b * c * ctxLen];
        double[] padded = new double[ctxLen + len];
        for (int bi = 0; bi < b; bi++) {
            for (int ch = 0; ch < c; ch++) {
                int row = bi * c + ch;
                System.arraycopy(past, row * ctxLen, padded, 0, ctxLen);
                System.arraycopy(in, row * len, padded, ctxLen, len);
                for (int t = 0; t < len; t++) {
                    double s = bias == null ? 0 : bias[ch];
                    for (int j = 0; j < k; j++) {
                        s += wt[ch * k + j] * padded[t + j];
                    }
                    out[row * len + t] = act.equals("none") ? s : s * RnnActivations.sigmoid(s);
                }
                System.arraycopy(padded, len, state, row * ctxLen, ctxLen);
            }
        }
        return List.of(Tensor.ofDoubles(x.elementType(), x.shape(), out),
                Tensor.ofDoubles(x.elementType(), new int[] {b, c, ctxLen}, state));
    }

    /** Output like the input; state [B, C, k-1] when the kernel size is known. */
    static List<Type> infer(InferContext ctx) {
        List<Type> out = new ArrayList<>(Infer.unknown(ctx.op().numResults()));
        TensorType x = ConstOperands.ranked(ctx, 0);
        TensorType w = ConstOperands.ranked(ctx, 1);
        if (x == null || x.rank() != 3) {
            return out;
        }
        out.set(0, x);
        if (out.size() > 1 && w != null && w.rank() == 3 && w.dims().get(2) instanceof Dim.Known kd) {
            out.set(1, new TensorType(x.elementType(), List.of(x.dims().get(0), x.dims().get(1), Dim.of(kd.size() - 1))));
        }
        return out;
    }
}
