package dev.nnc.ir.kernel;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;

/** Shared reads of the kernel ops: fixed element types, static shapes, cast modes, folding factors. */
public final class KernelTypes {
    private KernelTypes() {
    }

    /** The fixed element type of a tensor type, or null. */
    public static FixedType fixed(Type t) {
        return t instanceof TensorType tt && tt.elementType() instanceof FixedType f ? f : null;
    }

    /** The static shape of a tensor type, or null. */
    public static int[] shape(Type t) {
        return t instanceof TensorType tt && tt.isStatic() ? tt.shape() : null;
    }

    /** The rounding and overflow properties (default RND_CONV, SAT). */
    public static CastMode mode(OpAttributes a) {
        return CastMode.parse(a.getString("rounding", CastMode.DEFAULT.rounding().name()),
                a.getString("overflow", CastMode.DEFAULT.overflow().name()));
    }

    /** A positive int property (simd, pe, channels), or an IllegalArgumentException naming it. */
    public static int positive(OpAttributes a, String name, int dflt) {
        long v = a.getInt(name, dflt);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a positive int, got " + v);
        }
        return (int) v;
    }

    /** The raw range [min, max] of a fixed type as longs (width ≤ 63 for unsigned). */
    public static long minRaw(FixedType t) {
        return t.signed() ? -(1L << (t.width() - 1)) : 0;
    }

    public static long maxRaw(FixedType t) {
        return t.signed() ? (t.width() == 64 ? Long.MAX_VALUE : (1L << (t.width() - 1)) - 1)
                : (t.width() >= 63 ? Long.MAX_VALUE : (1L << t.width()) - 1);
    }
}
