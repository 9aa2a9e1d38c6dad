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

    /** Which terms the update rule has: decay gating and the delta correction. */
    private record Rule(boolean gating, boolean delta) {
        static Rule of(EvalContext ctx) {
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
                throw ctx.error("update_rule '" + rule + "' "
                        + (delta ? "needs the beta input" : "forbids beta and erase_gate"));
            }
            return new Rule(gating, delta);
        }
    }

    /**
     * The checked sizes and operand values of one call: batch b, steps t, query and KV heads,
     * head sizes; decay/beta/erase are null when the rule has no such term; {@code state} starts as
     * past_state (or zeros) and is updated in place.
     */
    private record Plan(int b, int t, int hq, int hk, int dk, int dv, double[] qs, double[] ks, double[] vs,
            double[] state, ElementType stateType, double[] decay, int decayWidth, double[] beta, int betaWidth,
            double[] erase, double scale) {
    }

    static List<Tensor> run(EvalContext ctx) {
        Plan p = plan(ctx);
        double[] out = new double[p.b() * p.t() * p.hq() * p.dv()];
        double[] val = new double[p.dv()];
        for (int bi = 0; bi < p.b(); bi++) {
            for (int ti = 0; ti < p.t(); ti++) {
                int row = bi * p.t() + ti;
                for (int h = 0; h < p.hk(); h++) {
                    write(p, bi, row, h, val);
                }
                for (int h = 0; h < p.hq(); h++) {
                    read(p, bi, row, h, out);
                }
            }
        }
        return List.of(Tensor.ofDoubles(ctx.input(0).elementType(), new int[] {p.b(), p.t(), p.hq() * p.dv()}, out),
                Tensor.ofDoubles(p.stateType(), new int[] {p.b(), p.hk(), p.dk(), p.dv()}, p.state()));
    }

    private static Plan plan(EvalContext ctx) {
        Tensor q = ctx.input(0);
        Tensor k = ctx.input(1);
        Tensor v = ctx.input(2);
        Rule rule = Rule.of(ctx);
        long hqA = ctx.attrs().getInt("q_num_heads", 0);
        long hkA = ctx.attrs().getInt("kv_num_heads", 0);
        if (q.rank() != 3 || k.rank() != 3 || v.rank() != 3 || hqA <= 0 || hkA <= 0 || hqA % hkA != 0
                || q.dim(2) % hqA != 0 || k.dim(2) % hkA != 0 || v.dim(2) % hkA != 0) {
            throw ctx.error("query/key/value must be [B, T, heads*size] with q_num_heads a multiple of kv_num_heads");
        }
        int hq = (int) hqA;
        int hk = (int) hkA;
        int b = q.dim(0);
        int dk = q.dim(2) / hq;
        int dv = v.dim(2) / hk;
        if (k.dim(2) / hk != dk) {
            throw ctx.error("key head size " + k.dim(2) / hk + " differs from query head size " + dk);
        }
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
        int decayWidth = rule.gating() ? ctx.input(4).dim(2) : 0;
        if (rule.gating() && decayWidth != hk && decayWidth != hk * dk) {
            throw ctx.error("decay last dimension must be kv_num_heads or kv_num_heads * d_k, got " + decayWidth);
        }
        int betaWidth = rule.delta() ? ctx.input(5).dim(2) : 0;
        if (rule.delta() && betaWidth != hk && betaWidth != 1) {
            throw ctx.error("beta last dimension must be kv_num_heads or 1, got " + betaWidth);
        }
        double scaleAttr = ctx.attrs().getFloat("scale", 0);
        return new Plan(b, q.dim(1), hq, hk, dk, dv, q.toDoubles(), k.toDoubles(), v.toDoubles(), state, stateType,
                rule.gating() ? ctx.input(4).toDoubles() : null, decayWidth,
                rule.delta() ? ctx.input(5).toDoubles() : null, betaWidth,
                ctx.hasInput(6) ? ctx.input(6).toDoubles() : null, scaleAttr == 0 ? 1 / Math.sqrt(dk) : scaleAttr);
    }

    /** Step {@code row} of KV head h: decay the state, correct v by the delta rule, add k ⊗ v. */
    private static void write(Plan p, int bi, int row, int h, double[] val) {
        int dk = p.dk();
        int dv = p.dv();
        int hk = p.hk();
        double[] state = p.state();
        double[] ks = p.ks();
        int s0 = (bi * hk + h) * dk * dv;
        int kAt = (row * hk + h) * dk;
        if (p.decay() != null) {
            for (int d = 0; d < dk; d++) {
                int at = p.decayWidth() == hk ? row * hk + h : (row * hk + h) * dk + d;
                double g = Math.exp(p.decay()[at]);
                for (int m = 0; m < dv; m++) {
                    state[s0 + d * dv + m] *= g;
                }
            }
        }
        System.arraycopy(p.vs(), (row * hk + h) * dv, val, 0, dv);
        if (p.beta() != null) {
            double bt = p.beta()[row * p.betaWidth() + (p.betaWidth() == 1 ? 0 : h)];
            double[] erase = p.erase();
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

    /** Step {@code row} of query head h: {@code o = scale q S} with the state of its KV head. */
    private static void read(Plan p, int bi, int row, int h, double[] out) {
        int dk = p.dk();
        int dv = p.dv();
        int s0 = (bi * p.hk() + h / (p.hq() / p.hk())) * dk * dv;
        int qAt = (row * p.hq() + h) * dk;
        int oAt = (row * p.hq() + h) * dv;
        for (int m = 0; m < dv; m++) {
            double s = 0;
            for (int d = 0; d < dk; d++) {
                s += p.qs()[qAt + d] * p.state()[s0 + d * dv + m];
            }
            out[oAt + m] = p.scale() * s;
        }
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
