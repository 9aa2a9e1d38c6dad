package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;

/**
 * {@code RotaryEmbedding}: rotates pairs of each head's first {@code rotary_embedding_dim}
 * features by the angles whose cos/sin the caches hold (rows picked by position_ids, or per
 * batch and position without them). Pairs are (k, k + dim/2), or (2k, 2k + 1) when interleaved.
 * Input is [batch, heads, seq, head] or [batch, seq, heads * head] with {@code num_heads}.
 */
final class RotaryEmbedding {
    private RotaryEmbedding() {
    }

    static Tensor run(EvalContext ctx) {
        Tensor x = ctx.input(0);
        double[] cos = ctx.input(1).toDoubles();
        double[] sin = ctx.input(2).toDoubles();
        long[] pos = ctx.hasInput(3) ? ctx.input(3).toLongs() : null;
        int b = x.dim(0);
        int heads;
        int seq;
        int d;
        boolean fourD = x.rank() == 4;
        if (fourD) {
            heads = x.dim(1);
            seq = x.dim(2);
            d = x.dim(3);
        } else if (x.rank() == 3) {
            long nh = ctx.attrs().getInt("num_heads", 0);
            if (nh <= 0 || x.dim(2) % nh != 0) {
                throw ctx.error("3D input needs num_heads dividing the hidden size " + x.dim(2));
            }
            heads = (int) nh;
            seq = x.dim(1);
            d = x.dim(2) / heads;
        } else {
            throw ctx.error("input must have rank 3 or 4, got " + x.rank());
        }
        int rot = ctx.attrs().getInt32("rotary_embedding_dim", 0);
        if (rot == 0) {
            rot = d;
        }
        int half = rot / 2;
        int cacheWidth = ctx.input(1).dim(ctx.input(1).rank() - 1);
        if (cacheWidth != half) {
            throw ctx.error("cos_cache last dimension " + cacheWidth + " should be rotary dim / 2 = " + half);
        }
        boolean interleaved = ctx.attrs().getInt("interleaved", 0) != 0;
        double[] in = x.toDoubles();
        double[] out = in.clone();
        for (int bi = 0; bi < b; bi++) {
            for (int s = 0; s < seq; s++) {
                int cacheRow = pos == null ? (bi * seq + s) : (int) pos[bi * seq + s];
                for (int h = 0; h < heads; h++) {
                    int base = fourD ? ((bi * heads + h) * seq + s) * d : ((bi * seq + s) * heads + h) * d;
                    for (int k = 0; k < half; k++) {
                        int i1 = interleaved ? base + 2 * k : base + k;
                        int i2 = interleaved ? base + 2 * k + 1 : base + k + half;
                        double c = cos[cacheRow * half + k];
                        double sn = sin[cacheRow * half + k];
                        out[i1] = c * in[i1] - sn * in[i2];
                        out[i2] = sn * in[i1] + c * in[i2];
                    }
                }
            }
        }
        return Tensor.ofDoubles(x.elementType(), x.shape(), out);
    }
}
