package dev.nnc.ir.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;

/**
 * Everything a {@code kernel.mvau} computes with, read and checked once from its properties:
 * weights {@code [MH, MW]} (fixed raws), bias {@code [MH]} in the accumulator type or null, the
 * accumulator type (its fractional bits are the product's, so a bias adds without a shift), one
 * requantizer or one per output channel, the activation and its raw bounds, and the folding.
 */
public record MvauParams(Tensor weights, Tensor bias, FixedType accType, Requantizer[] requantizers,
                         Activation activation, long clipLo, long clipHi, int simd, int pe) {

    public int mh() {
        return weights.dim(0);
    }

    public int mw() {
        return weights.dim(1);
    }

    public FixedType weightType() {
        return (FixedType) weights.elementType();
    }

    /** The requantizer of output channel m. */
    public Requantizer requantizer(int m) {
        return requantizers[requantizers.length == 1 ? 0 : m];
    }

    /** Reads and checks the properties; a problem is an IllegalArgumentException with one line. */
    public static MvauParams from(OpAttributes a) {
        Tensor w = a.getTensor("weights");
        if (w == null || w.rank() != 2 || !(w.elementType() instanceof FixedType)) {
            throw new IllegalArgumentException("weights must be a fixed-point [MH, MW] tensor");
        }
        if (!(a.get("acc_type") instanceof Attribute.TypeAttr ta) || !(ta.type() instanceof FixedType acc)) {
            throw new IllegalArgumentException("acc_type must be a fixed-point type");
        }
        Tensor b = a.getTensor("bias");
        if (b != null && (b.rank() != 1 || b.dim(0) != w.dim(0) || !acc.equals(b.elementType()))) {
            throw new IllegalArgumentException("bias must be a [" + w.dim(0) + "] tensor of the accumulator type " + acc.spelling());
        }
        long[] ms = a.getInts("multipliers", null);
        long[] ss = a.getInts("shifts", null);
        if (ms == null || ss == null || ms.length != ss.length || (ms.length != 1 && ms.length != w.dim(0))) {
            throw new IllegalArgumentException("multipliers and shifts need 1 or " + w.dim(0) + " values each");
        }
        CastMode mode = KernelTypes.mode(a);
        Requantizer[] rs = new Requantizer[ms.length];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new Requantizer(ms[i], Math.toIntExact(ss[i]), mode);
        }
        Activation act = Activation.parse(a.getString("activation", Activation.NONE.name()));
        long lo = a.getInt("clip_lo", Long.MIN_VALUE);
        long hi = a.getInt("clip_hi", Long.MAX_VALUE);
        if (act == Activation.CLIP && (!a.has("clip_lo") || !a.has("clip_hi"))) {
            throw new IllegalArgumentException("activation CLIP needs clip_lo and clip_hi");
        }
        int simd = KernelTypes.positive(a, "simd", 1);
        int pe = KernelTypes.positive(a, "pe", 1);
        if (w.dim(1) % simd != 0 || w.dim(0) % pe != 0) {
            throw new IllegalArgumentException("simd " + simd + " must divide MW " + w.dim(1) + " and pe " + pe
                    + " must divide MH " + w.dim(0));
        }
        return new MvauParams(w, b, acc, rs, act, lo, hi, simd, pe);
    }
}
