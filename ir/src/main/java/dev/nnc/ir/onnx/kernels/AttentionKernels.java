package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Attention} (opset 23/24), {@code RotaryEmbedding} (see {@link RotaryEmbedding}) and
 * {@code LinearAttention} (see {@link LinearAttention}). Attention computes, per batch and
 * query head, {@code softmax(softcap(scale * Q K^T) + bias) V}, where the bias joins the
 * attention mask (bool: false = -inf; float: added; padded with -inf to the total key length),
 * the causal frontier {@code j <= i + offset} (offset = past length, or
 * {@code nonpad_kv_seqlen[b] - q_len} with a static cache) and the key padding of
 * {@code nonpad_kv_seqlen}. Past keys/values are prepended and returned as present_key/value.
 * With fewer KV heads than query heads, query head h reads KV head {@code h / (Hq / Hkv)}. A
 * fully masked row yields zeros. The optional fourth output is the QK product at the stage
 * {@code qk_matmul_output_mode} names: 0 scaled QK (after softcap), 1 the same, 2 with the bias
 * added, 3 after softmax (as the ONNX reference implementation defines them).
 */
public final class AttentionKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/attention.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Attention", AttentionKernels::inferAttention, AttentionKernels::attention);
        t.op("RotaryEmbedding", Infer::sameAsFirst, ctx -> List.of(RotaryEmbedding.run(ctx)));
        t.op("LinearAttention", LinearAttention::infer, LinearAttention::run);
    }

    /** Q/K/V as 4D [batch, heads, seq, head] doubles, from 4D or 3D [batch, seq, heads*head]. */
    private record Heads(double[] v, int batch, int heads, int seq, int size) {
        static Heads of(EvalContext ctx, Tensor t, String what, long numHeadsAttr) {
            if (t.rank() == 4) {
                return new Heads(t.toDoubles(), t.dim(0), t.dim(1), t.dim(2), t.dim(3));
            }
            if (t.rank() != 3) {
                throw ctx.error(what + " must have rank 3 or 4, got " + t.rank());
            }
            if (numHeadsAttr <= 0 || t.dim(2) % numHeadsAttr != 0) {
                throw ctx.error(what + " is 3D, so q_num_heads/kv_num_heads must divide its hidden size " + t.dim(2));
            }
            int h = (int) numHeadsAttr;
            int b = t.dim(0);
            int s = t.dim(1);
            int d = t.dim(2) / h;
            double[] in = t.toDoubles();
            double[] out = new double[in.length];
            for (int bi = 0; bi < b; bi++) {
                for (int si = 0; si < s; si++) {
                    for (int hi = 0; hi < h; hi++) {
                        System.arraycopy(in, ((bi * s + si) * h + hi) * d, out, ((bi * h + hi) * s + si) * d, d);
                    }
                }
            }
            return new Heads(out, b, h, s, d);
        }

        /** Prepends a past cache [batch, heads, past, size] along the sequence axis. */
        Heads withPast(Tensor past) {
            if (past == null) {
                return this;
            }
            int p = past.dim(2);
            double[] pv = past.toDoubles();
            double[] out = new double[batch * heads * (p + seq) * size];
            for (int bh = 0; bh < batch * heads; bh++) {
                System.arraycopy(pv, bh * p * size, out, bh * (p + seq) * size, p * size);
                System.arraycopy(v, bh * seq * size, out, (bh * (p + seq) + p) * size, seq * size);
            }
            return new Heads(out, batch, heads, p + seq, size);
        }

        int at(int b, int h, int s) {
            return ((b * heads + h) * seq + s) * size;
        }
    }

    /**
     * How one query row's scores are formed: scaled, soft-capped (softcap > 0), plus the additive
     * {@code bias} [b, hq, qs, total]; {@code mode} is qk_matmul_output_mode (which scores the
     * fourth output keeps).
     */
    private record Scoring(double scale, double softcap, long mode, double[] bias) {
    }

    private static List<Tensor> attention(EvalContext ctx) {
        Tensor qt = ctx.input(0);
        Heads q = Heads.of(ctx, qt, "Q", ctx.attrs().getInt("q_num_heads", 0));
        Heads k = Heads.of(ctx, ctx.input(1), "K", ctx.attrs().getInt("kv_num_heads", 0)).withPast(ctx.input(4));
        Heads v = Heads.of(ctx, ctx.input(2), "V", ctx.attrs().getInt("kv_num_heads", 0)).withPast(ctx.input(5));
        int b = q.batch();
        int hq = q.heads();
        int hk = k.heads();
        if (hk == 0 || hq % hk != 0 || v.heads() != hk || k.size() != q.size() || k.seq() != v.seq()) {
            throw ctx.error("Q/K/V shapes do not fit: " + hq + " query heads of size " + q.size() + ", "
                    + hk + " key heads of size " + k.size() + ", " + v.heads() + " value heads");
        }
        int qs = q.seq();
        int total = k.seq();
        int pastLen = ctx.hasInput(4) ? ctx.input(4).dim(2) : 0;
        double scale = ctx.attrs().get("scale") != null ? ctx.attrs().getFloat("scale") : 1 / Math.sqrt(q.size());
        double softcap = ctx.attrs().getFloat("softcap", 0);
        boolean causal = ctx.attrs().getInt("is_causal", 0) != 0;
        long mode = ctx.attrs().getInt("qk_matmul_output_mode", 0);
        Scoring scoring = new Scoring(scale, softcap, mode, bias(ctx, b, hq, qs, total, causal, pastLen));
        int vd = v.size();
        double[] y = new double[b * hq * qs * vd];
        double[] qk = new double[b * hq * qs * total];
        double[] row = new double[total];
        for (int bi = 0; bi < b; bi++) {
            for (int h = 0; h < hq; h++) {
                for (int i = 0; i < qs; i++) {
                    queryRow(q, k, v, scoring, bi, h, i, row, qk, y);
                }
            }
        }
        var et = qt.elementType();
        Tensor yt = qt.rank() == 3 ? Tensor.ofDoubles(et, new int[] {b, qs, hq * vd}, toSequenceMajor(y, b, hq, qs, vd))
                : Tensor.ofDoubles(et, new int[] {b, hq, qs, vd}, y);
        var kt = ctx.input(1).elementType();
        var vt = ctx.input(2).elementType();
        return List.of(yt,
                Tensor.ofDoubles(kt, new int[] {b, hk, total, k.size()}, k.v().clone()),
                Tensor.ofDoubles(vt, new int[] {b, hk, total, vd}, v.v().clone()),
                Tensor.ofDoubles(et, new int[] {b, hq, qs, total}, qk));
    }

    /** Query i of head h in batch bi: its scores into qk, their softmax into row, the weighted values into y. */
    private static void queryRow(Heads q, Heads k, Heads v, Scoring sc, int bi, int h, int i, double[] row,
            double[] qk, double[] y) {
        int hq = q.heads();
        int qs = q.seq();
        int total = k.seq();
        int kh = h / (hq / k.heads());
        int qa = q.at(bi, h, i);
        int rowAt = ((bi * hq + h) * qs + i) * total;
        for (int j = 0; j < total; j++) {
            int ka = k.at(bi, kh, j);
            double s = 0;
            for (int d = 0; d < q.size(); d++) {
                s += q.v()[qa + d] * k.v()[ka + d];
            }
            s *= sc.scale();
            if (sc.softcap() > 0) {
                s = sc.softcap() * Math.tanh(s / sc.softcap());
            }
            row[j] = s + sc.bias()[rowAt + j];
            qk[rowAt + j] = sc.mode() == 2 ? row[j] : s;
        }
        Softmax.softmaxRow(row, 0, total);
        if (sc.mode() == 3) {
            System.arraycopy(row, 0, qk, rowAt, total);
        }
        int vd = v.size();
        int ya = ((bi * hq + h) * qs + i) * vd;
        for (int j = 0; j < total; j++) {
            if (row[j] != 0) {
                int va = v.at(bi, kh, j);
                for (int d = 0; d < vd; d++) {
                    y[ya + d] += row[j] * v.v()[va + d];
                }
            }
        }
    }

    /** Y from [b, hq, qs, vd] to [b, qs, hq * vd], the layout of a 3D query. */
    private static double[] toSequenceMajor(double[] y, int b, int hq, int qs, int vd) {
        double[] y3 = new double[y.length];
        for (int bi = 0; bi < b; bi++) {
            for (int h = 0; h < hq; h++) {
                for (int i = 0; i < qs; i++) {
                    System.arraycopy(y, ((bi * hq + h) * qs + i) * vd, y3, ((bi * qs + i) * hq + h) * vd, vd);
                }
            }
        }
        return y3;
    }

    /** The additive bias [b, hq, qs, total]: mask, causal frontier and key padding joined. */
    private static double[] bias(EvalContext ctx, int b, int hq, int qs, int total, boolean causal, int pastLen) {
        int[] full = {b, hq, qs, total};
        double[] bias = new double[b * hq * qs * total];
        Tensor mask = ctx.input(3);
        if (mask != null) {
            int[] ms = mask.shape();
            int mk = ms[ms.length - 1];
            if (mk > total) {
                throw ctx.error("attn_mask covers " + mk + " keys but there are only " + total);
            }
            int[] padded = ms.clone();
            padded[ms.length - 1] = total;
            if (ms.length > 4 || !java.util.Arrays.equals(Shapes.broadcast(padded, full), full)) {
                throw ctx.error("attn_mask of shape " + java.util.Arrays.toString(ms) + " does not broadcast to "
                        + java.util.Arrays.toString(full));
            }
            int[] idx = Shapes.broadcastIndex(padded, full);
            boolean isBool = mask.elementType() == BoolType.I1;
            double[] mv = mask.toDoubles();
            for (int n = 0; n < bias.length; n++) {
                int flat = idx[n];
                int col = flat % total;
                double m;
                if (col >= mk) {
                    m = Double.NEGATIVE_INFINITY;
                } else {
                    double raw = mv[flat / total * mk + col];
                    m = isBool ? (raw != 0 ? 0 : Double.NEGATIVE_INFINITY) : raw;
                }
                bias[n] = m;
            }
        }
        Tensor nonpad = ctx.input(6);
        long[] valid = nonpad == null ? null : nonpad.toLongs();
        for (int bi = 0; bi < b; bi++) {
            long offset = pastLen;
            if (ctx.input(4) == null && valid != null) {
                offset = valid[bi] - qs;
            }
            for (int h = 0; h < hq; h++) {
                for (int i = 0; i < qs; i++) {
                    int at = ((bi * hq + h) * qs + i) * total;
                    for (int j = 0; j < total; j++) {
                        if ((causal && j > i + offset) || (valid != null && j >= valid[bi])) {
                            bias[at + j] = Double.NEGATIVE_INFINITY;
                        }
                    }
                }
            }
        }
        return bias;
    }

    private static List<Type> inferAttention(InferContext ctx) {
        List<Type> out = new ArrayList<>(Infer.unknown(ctx.op().numResults()));
        TensorType q = ConstOperands.ranked(ctx, 0);
        TensorType v = ConstOperands.ranked(ctx, 2);
        if (q == null || v == null || q.rank() != v.rank()) {
            return out;
        }
        List<Dim> qd = q.dims();
        List<Dim> vd = v.dims();
        if (q.rank() == 4) {
            out.set(0, new TensorType(q.elementType(), List.of(qd.get(0), qd.get(1), qd.get(2), vd.get(3))));
        } else if (q.rank() == 3 && vd.get(2) instanceof Dim.Known vh && ctx.attrs().get("q_num_heads") != null
                && ctx.attrs().get("kv_num_heads") != null) {
            long hv = vh.size() / ctx.attrs().getInt("kv_num_heads") * ctx.attrs().getInt("q_num_heads");
            out.set(0, new TensorType(q.elementType(), List.of(qd.get(0), qd.get(1), Dim.of(hv))));
        }
        TensorType k = ConstOperands.ranked(ctx, 1);
        if (q.rank() == 4 && k != null && k.rank() == 4) {
            Dim total = totalLength(k.dims().get(2), ConstOperands.present(ctx, 4) ? ConstOperands.ranked(ctx, 4) : null);
            for (int i = 1; i < out.size(); i++) {
                TensorType src = i == 1 ? k : v;
                out.set(i, i == 3 ? new TensorType(q.elementType(), List.of(qd.get(0), qd.get(1), qd.get(2), total))
                        : new TensorType(src.elementType(), List.of(src.dims().get(0), src.dims().get(1), total, src.dims().get(3))));
            }
        }
        return out;
    }

    /** Key length after the past cache: new + past when both are known. */
    private static Dim totalLength(Dim fresh, TensorType past) {
        if (past == null) {
            return fresh;
        }
        if (past.rank() == 4 && past.dims().get(2) instanceof Dim.Known p && fresh instanceof Dim.Known f) {
            return Dim.of(p.size() + f.size());
        }
        return Dim.symbol("");
    }
}
