package dev.nnc.ir.kernel;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import java.util.Arrays;
import java.util.List;

/**
 * Semantics of the kernel ops that only move raws: the stream boundary ({@code to_stream},
 * {@code from_stream}), {@code reshape} and the sliding window generator {@code swg}.
 */
final class StreamSemantics {
    private StreamSemantics() {
    }

    /** transpose(x, perm) with its leading dim (size 1, the batch) dropped. */
    static List<Tensor> toStream(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] perm = perm(ctx, x.rank());
        int[] shape = Permutation.permuteShape(x.shape(), perm);
        if (shape.length == 0 || shape[0] != 1) {
            throw ctx.error("the leading dim after perm must be the batch of 1, got shape " + Arrays.toString(shape));
        }
        return List.of(gather(x, Permutation.sourceIndex(x.shape(), perm), Arrays.copyOfRange(shape, 1, shape.length)));
    }

    /** transpose of x with a leading batch dim of 1 added, by perm. */
    static List<Tensor> fromStream(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] withBatch = new int[x.rank() + 1];
        withBatch[0] = 1;
        System.arraycopy(x.shape(), 0, withBatch, 1, x.rank());
        int[] perm = perm(ctx, withBatch.length);
        return List.of(gather(x, Permutation.sourceIndex(withBatch, perm), Permutation.permuteShape(withBatch, perm)));
    }

    static List<Tensor> reshape(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] shape = KernelTypes.shape(ctx.outputType(0));
        if (shape == null || Shapes.size(shape) != x.size()) {
            throw ctx.error("result " + ctx.outputType(0) + " must be static with as many elements as the operand");
        }
        return List.of(x.reshape(shape));
    }

    /** im2col: for each output pixel, for ky, kx, c the input at the tap, 0 in the padding. */
    static List<Tensor> swg(EvalContext ctx) {
        Tensor x = ctx.input(0);
        SwgGeometry g;
        try {
            g = SwgGeometry.of(ctx.attrs(), x.shape());
        } catch (IllegalArgumentException e) {
            throw ctx.error(e.getMessage());
        }
        long[] in = x.longs();
        int[] os = g.outShape();
        long[] out = new long[Math.toIntExact(Shapes.size(os))];
        int h = g.h();
        int w = g.w();
        int c = g.c();
        int kw = g.kw();
        int o = 0;
        for (int oy = 0; oy < g.outH(); oy++) {
            for (int ox = 0; ox < g.outW(); ox++) {
                int ix0 = ox * g.sw() - g.pl();
                int ixLast = ix0 + (kw - 1) * g.dw();
                for (int ky = 0; ky < g.kh(); ky++) {
                    int iy = oy * g.sh() - g.pt() + ky * g.dh();
                    if (iy < 0 || iy >= h) {
                        o += kw * c; // a padding row: zeros, as allocated
                        continue;
                    }
                    if (g.dw() == 1 && ix0 >= 0 && ixLast < w) {
                        // the window row lies inside: kw * c consecutive input elements
                        System.arraycopy(in, (iy * w + ix0) * c, out, o, kw * c);
                        o += kw * c;
                        continue;
                    }
                    for (int kx = 0; kx < kw; kx++) {
                        int ix = ix0 + kx * g.dw();
                        if (ix >= 0 && ix < w) {
                            System.arraycopy(in, (iy * w + ix) * c, out, o, c);
                        }
                        o += c;
                    }
                }
            }
        }
        return List.of(Tensor.ofLongs(x.elementType(), os, out));
    }

    private static int[] perm(EvalContext ctx, int rank) {
        long[] p = ctx.attrs().getInts("perm", null);
        if (p == null || p.length != rank || !Permutation.isPermutation(p)) {
            throw ctx.error("perm must be a permutation of " + rank + " dims");
        }
        return Permutation.toInts(p);
    }

    private static Tensor gather(Tensor x, int[] src, int[] shape) {
        ElementType t = x.elementType();
        long[] in = x.longs();
        long[] out = new long[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = in[src[i]];
        }
        return Tensor.ofLongs(t, shape, out);
    }
}
