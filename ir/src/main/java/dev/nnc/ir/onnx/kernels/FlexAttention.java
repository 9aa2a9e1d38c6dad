package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code ai.onnx.preview.FlexAttention}: scaled dot-product attention over rank-4
 * {@code (batch, heads, seq, head_size)} inputs, with optional subgraphs applied to the whole
 * score tensor {@code (B, Hq, L, S)}: {@code score_mod} after {@code Q·Kᵀ·scale},
 * {@code mask_mod} next (a bool result masks false positions to -inf, any other replaces the
 * scores), and {@code prob_mod} after the softmax over the last axis. Q may have more heads than
 * K/V (grouped queries: query head h reads key/value head {@code h / (Hq / Hkv)}). The scale
 * defaults to {@code 1/sqrt(head_size)}.
 */
public final class FlexAttention implements KernelFamily {
    @Override
    public String table() {
        return "kernels/flex_attention.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("preview.FlexAttention", FlexAttention::infer, FlexAttention::evaluate);
    }

    private static List<Type> infer(InferContext ctx) {
        if (ctx.operandType(0) instanceof TensorType q && ctx.operandType(2) instanceof TensorType v
                && q.dims() != null && v.dims() != null && q.dims().size() == 4 && v.dims().size() == 4) {
            List<Dim> d = List.of(q.dims().get(0), q.dims().get(1), q.dims().get(2), v.dims().get(3));
            return Collections.singletonList(new TensorType(v.elementType(), d));
        }
        return Collections.singletonList(ctx.operandType(2) instanceof TensorType v ? TensorType.unranked(v.elementType()) : null);
    }

    private static List<Tensor> evaluate(EvalContext ctx) {
        Tensor q = ctx.input(0);
        Tensor k = ctx.input(1);
        Tensor v = ctx.input(2);
        if (q.rank() != 4 || k.rank() != 4 || v.rank() != 4) {
            throw ctx.error("Q, K and V must be rank 4, got ranks " + q.rank() + ", " + k.rank() + ", " + v.rank());
        }
        int b = q.dim(0);
        int hq = q.dim(1);
        int l = q.dim(2);
        int e = q.dim(3);
        int hkv = k.dim(1);
        int s = k.dim(2);
        int ev = v.dim(3);
        if (k.dim(0) != b || v.dim(0) != b || k.dim(3) != e || v.dim(1) != hkv || v.dim(2) != s || hkv == 0 || hq % hkv != 0) {
            throw ctx.error("shapes do not fit: Q (B, Hq, L, E), K (B, Hkv, S, E), V (B, Hkv, S, Ev) with Hq a multiple of Hkv");
        }
        double scale = ctx.attrs().has("scale") ? ctx.attrs().getFloat("scale") : 1 / Math.sqrt(e);
        double[] qd = q.toDoubles();
        double[] kd = k.toDoubles();
        double[] scores = new double[b * hq * l * s];
        int group = hq / hkv;
        for (int bi = 0; bi < b; bi++) {
            for (int h = 0; h < hq; h++) {
                int kh = h / group;
                for (int i = 0; i < l; i++) {
                    int qo = ((bi * hq + h) * l + i) * e;
                    for (int j = 0; j < s; j++) {
                        int ko = ((bi * hkv + kh) * s + j) * e;
                        double acc = 0;
                        for (int c = 0; c < e; c++) {
                            acc += qd[qo + c] * kd[ko + c];
                        }
                        scores[((bi * hq + h) * l + i) * s + j] = acc * scale;
                    }
                }
            }
        }
        int[] shape = {b, hq, l, s};
        scores = modify(ctx, "score_mod", scores, shape, q.elementType(), false);
        scores = modify(ctx, "mask_mod", scores, shape, q.elementType(), true);
        double[] probs = softmax(scores, s);
        probs = modify(ctx, "prob_mod", probs, shape, q.elementType(), false);
        double[] vd = v.toDoubles();
        double[] out = new double[b * hq * l * ev];
        for (int bi = 0; bi < b; bi++) {
            for (int h = 0; h < hq; h++) {
                int vh = h / group;
                for (int i = 0; i < l; i++) {
                    int po = ((bi * hq + h) * l + i) * s;
                    int oo = ((bi * hq + h) * l + i) * ev;
                    for (int j = 0; j < s; j++) {
                        int vo = ((bi * hkv + vh) * s + j) * ev;
                        for (int c = 0; c < ev; c++) {
                            out[oo + c] += probs[po + j] * vd[vo + c];
                        }
                    }
                }
            }
        }
        return List.of(Tensor.ofDoubles(v.elementType(), new int[] {b, hq, l, ev}, out));
    }

    /** Runs the subgraph of graph attribute {@code attr} on the tensor, if the op has it. */
    private static double[] modify(EvalContext ctx, String attr, double[] x, int[] shape, ElementType dflt, boolean mask) {
        int region = ctx.regionIndex(attr);
        if (region < 0) {
            return x;
        }
        Block body = ctx.op().region(region).entry();
        if (body.arguments().size() != 1) {
            throw ctx.error(attr + " must take one input (the scores), but takes " + body.arguments().size());
        }
        ElementType elem = body.arguments().get(0).type() instanceof TensorType tt ? tt.elementType() : dflt;
        List<RuntimeValue> out = ctx.runRegion(region, List.of(Tensor.ofDoubles(elem, shape, x)));
        if (out.size() != 1 || !(out.get(0) instanceof Tensor r)) {
            throw ctx.error(attr + " must give one tensor");
        }
        int[] rs = r.shape();
        if (!Arrays.equals(Shapes.broadcast(rs, shape), shape)) {
            throw ctx.error(attr + " gave shape " + Arrays.toString(rs) + ", not that of the scores " + Arrays.toString(shape));
        }
        int[] idx = Shapes.broadcastIndex(rs, shape);
        double[] y = new double[x.length];
        boolean isMask = mask && r.elementType() == BoolType.I1;
        for (int i = 0; i < y.length; i++) {
            y[i] = isMask ? (r.getLong(idx[i]) != 0 ? x[i] : Double.NEGATIVE_INFINITY) : r.getDouble(idx[i]);
        }
        return y;
    }

    private static double[] softmax(double[] x, int row) {
        double[] y = new double[x.length];
        for (int o = 0; o < x.length; o += row) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < row; j++) {
                max = Math.max(max, x[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < row; j++) {
                y[o + j] = Math.exp(x[o + j] - max);
                sum += y[o + j];
            }
            for (int j = 0; j < row; j++) {
                y[o + j] /= sum;
            }
        }
        return y;
    }
}
