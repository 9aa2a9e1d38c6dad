package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LinearAttention}: a recurrent state S [batch, kv heads, d_k, d_v] per step t is decayed
 * by exp(decay_t) (update rules {@code gated}, {@code gated_delta}), gets the delta correction
 * {@code v_t <- beta_t (v_t - S^T (erase_t ⊙ k_t))} ({@code delta}, {@code gated_delta}), is
 * written with {@code k_t ⊗ v_t}, and is read by each query head (query head h reads KV head
 * h / (Hq / Hkv)) as {@code o_t = scale q_t S}. Q/K/V are [batch, T, heads * size]; the outputs
 * are [batch, T, Hq * d_v] and the final state (in past_state's type, else the query's).
 */
final class LinearAttention {
    private LinearAttention() {
    }

    static List<Tensor> run(EvalContext ctx) {
        Tensor q = ctx.input(0);
        Tensor k = ctx.input(1);
        Tensor v = ctx.input(2);
        String rule = ctx.attrs().getString("update_rule", "gated_delta");
        boolean gating = rule.equals("gated") || rule.equals("gated_delta");
        boolean delta = rule.equals("delta") || rule.equals("gated_delta");
        if (!gating && !delta && !rule.equals("linear")) {
            throw ctx.error("unknown update_rule '" + rule + "'");
        }
        if (gating != ctx.hasInput(4)) {
            throw ctx.error("update_rule '" + rule + "' " + (gating ? "needs" : "forbids") + " the decay input");
        }
        if (delta != ctx.hasInput(5) || (!delta && ctx.hasInput(6))) {
            throw ctx.error("update_rule '" + rule + "' " + (delta ? "needs the beta input" : "forbids beta and erase_gate"));
        }
        long hqA = ctx.attrs().getInt("q_num_heads", 0);
        long hkA = ctx.attrs().getInt("kv_num_heads", 0);
        if (q.rank() != 3 || k.rank() != 3 || v.rank() != 3 || hqA <= 0 || hkA <= 0 || hqA % hkA != 0
                || q.dim(2) % hqA != 0 || k.dim(2) % hkA != 0 || v.dim(2) % hkA != 0) {
            throw ctx.error("query/key/value must be [B, T, heads*size] with q_num_heads a multiple of kv_num_heads");
        }
        int hq = (int) hqA;
        int hk = (int) hkA;
        int b = q.dim(0);
        int t = q.dim(1);
        int dk = q.dim(2) / hq;
        int dv = v.dim(2) / hk;
        if (k.dim(2) / hk != dk) {
            throw ctx.error("key head size " + k.dim(2) / hk + " differs from query head size " + dk);
        }
        int group = hq / hk;
        double[] qs = q.toDoubles();
        double[] ks = k.toDoubles();
        double[] vs = v.toDoubles();
        double[] state = new double[b * hk * dk * dv];
        ElementType stateType = q.elementType();
        if (ctx.hasInput(3)) {
            Tensor past = ctx.input(3);
            if (past.size() != state.length) {
                throw ctx.error("past_state must be [" + b + ", " + hk + ", " + dk + ", " + dv + "]");
            }
            state = past.toDoubles();
            stateType = past.elementType();
        }
        double[] decay = gating ? ctx.input(4).toDoubles() : null;
        int decayWidth = gating ? ctx.input(4).dim(2) : 0;
        if (gating && decayWidth != hk && decayWidth != hk * dk) {
            throw ctx.error("decay last dimension must be kv_num_heads or kv_num_heads * d_k, got " + decayWidth);
        }
        double[] beta = delta ? ctx.input(5).toDoubles() : null;
        int betaWidth = delta ? ctx.input(5).dim(2) : 0;
        if (delta && betaWidth != hk && betaWidth != 1) {
            throw ctx.error("beta last dimension must be kv_num_heads or 1, got " + betaWidth);
        }
        double[] erase = ctx.hasInput(6) ? ctx.input(6).toDoubles() : null;
        double scaleAttr = ctx.attrs().getFloat("scale", 0);
        double scale = scaleAttr == 0 ? 1 / Math.sqrt(dk) : scaleAttr;

        double[] out = new double[b * t * hq * dv];
        double[] val = new double[dv];
        for (int bi = 0; bi < b; bi++) {
            for (int ti = 0; ti < t; ti++) {
                int row = bi * t + ti;
                for (int h = 0; h < hk; h++) {
                    int s0 = (bi * hk + h) * dk * dv;
                    int kAt = (row * hk + h) * dk;
                    if (gating) {
                        for (int d = 0; d < dk; d++) {
                            double g = Math.exp(decayWidth == hk ? decay[row * hk + h] : decay[(row * hk + h) * dk + d]);
                            for (int m = 0; m < dv; m++) {
                                state[s0 + d * dv + m] *= g;
                            }
                        }
                    }
                    System.arraycopy(vs, (row * hk + h) * dv, val, 0, dv);
                    if (delta) {
                        double bt = beta[row * betaWidth + (betaWidth == 1 ? 0 : h)];
                        for (int m = 0; m < dv; m++) {
                            double retrieved = 0;
                            for (int d = 0; d < dk; d++) {
                                double kd = ks[kAt + d] * (erase == null ? 1 : erase[kAt + d]);
                                retrieved += state[s0 + d * dv + m] * kd;
                            }
                            val[m] = bt * (val[m] - retrieved);
                        }
                    }
                    for (int d = 0; d < dk; d++) {
                        for (int m = 0; m < dv; m++) {
                            state[s0 + d * dv + m] += ks[kAt + d] * val[m];
                        }
                    }
                }
                for (int h = 0; h < hq; h++) {
                    int s0 = (bi * hk + h / group) * dk * dv;
                    int qAt = (row * hq + h) * dk;
                    int oAt = (row * hq + h) * dv;
                    for (int m = 0; m < dv; m++) {
                        double s = 0;
                        for (int d = 0; d < dk; d++) {
                            s += qs[qAt + d] * state[s0 + d * dv + m];
                        }
                        out[oAt + m] = scale * s;
                    }
                }
            }
        }
        return List.of(Tensor.ofDoubles(q.elementType(), new int[] {b, t, hq * dv}, out),
                Tensor.ofDoubles(stateType, new int[] {b, hk, dk, dv}, state));
    }

    /** Output [B, T, Hq * d_v] and state [B, Hkv, d_k, d_v] when the hidden sizes are known. */
    static List<Type> infer(InferContext ctx) {
        List<Type> out = new ArrayList<>(Infer.unknown(ctx.op().numResults()));
        TensorType q = ConstOperands.ranked(ctx, 0);
        TensorType v = ConstOperands.ranked(ctx, 2);
        long hq = ctx.attrs().getInt("q_num_heads", 0);
        long hk = ctx.attrs().getInt("kv_num_heads", 0);
        if (q == null || v == null || q.rank() != 3 || v.rank() != 3 || hq <= 0 || hk <= 0
                || !(q.dims().get(2) instanceof Dim.Known qh) || !(v.dims().get(2) instanceof Dim.Known vh)) {
            return out;
        }
        long dk = qh.size() / hq;
        long dv = vh.size() / hk;
        out.set(0, new TensorType(q.elementType(), List.of(q.dims().get(0), q.dims().get(1), Dim.of(hq * dv))));
        if (out.size() > 1) {
            TensorType past = ConstOperands.ranked(ctx, 3);
            ElementType st = past != null ? past.elementType() : q.elementType();
            out.set(1, new TensorType(st, List.of(q.dims().get(0), Dim.of(hk), Dim.of(dk), Dim.of(dv))));
        }
        return out;
    }
}
