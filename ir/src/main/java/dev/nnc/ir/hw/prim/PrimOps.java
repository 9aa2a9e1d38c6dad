package dev.nnc.ir.hw.prim;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.Type;

/**
 * Reads of a hw op that the primitive configs share ({@code XConfig.from}): stream lanes and
 * fixed-point element types, the one-frame shapes, typed properties. Every failure is one
 * {@link NncException} line naming the op.
 */
public final class PrimOps {
    private PrimOps() {
    }

    /** The user-facing error for op: {@code hw.swg: message} at the op's location. */
    public static NncException error(Operation op, String message) {
        return new NncException(op.location(), op.name() + ": " + message);
    }

    public static StreamType operandStream(Operation op, int i) {
        return stream(op, op.operand(i).type(), "operand #" + i);
    }

    public static StreamType resultStream(Operation op, int i) {
        return stream(op, op.result(i).type(), "result #" + i);
    }

    private static StreamType stream(Operation op, Type t, String what) {
        if (t instanceof StreamType s) {
            return s;
        }
        throw error(op, what + " must be a !hw.stream, got " + t);
    }

    /** The stream's element type, which must be fixed point. */
    public static FixedType fixedElement(Operation op, StreamType s, String what) {
        if (s.element() instanceof FixedType f) {
            return f;
        }
        throw error(op, what + " must carry fixed-point elements, got " + s);
    }

    /** A fixed-point {@code TypeAttr} property. */
    public static FixedType fixedType(Operation op, String name) {
        Attribute a = op.property(name);
        if (a instanceof Attribute.TypeAttr t && t.type() instanceof FixedType f) {
            return f;
        }
        throw error(op, "'" + name + "' must be a fixed-point type, got " + a);
    }

    /** An ints property as int[] of the expected length (or the default when absent). */
    public static int[] ints(Operation op, String name, int length, long... dflt) {
        long[] v = new OpAttributes(op, null).getInts(name, dflt.length == 0 ? null : dflt);
        if (v == null) {
            throw error(op, "needs attribute '" + name + "'");
        }
        if (length >= 0 && v.length != length) {
            throw error(op, "'" + name + "' must have " + length + " entries, got " + v.length);
        }
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < Integer.MIN_VALUE || v[i] > Integer.MAX_VALUE) {
                throw error(op, "'" + name + "' entry " + v[i] + " is out of range");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    /** {@code in_shape} or {@code out_shape}: the one-frame stream-order shape. */
    public static int[] shape(Operation op, String name) {
        return ints(op, name, -1);
    }

    /** The {@code simd} property (default 1). */
    public static int simd(Operation op) {
        return new OpAttributes(op, null).getInt32(HwDialect.SIMD, 1);
    }

    /** The lanes of a stream must equal what the op's folding says. */
    public static void requireLanes(Operation op, StreamType s, int lanes, String what) {
        if (s.lanes() != lanes) {
            throw error(op, what + " has " + s.lanes() + " lanes but simd is " + lanes);
        }
    }
}
