package dev.nnc.ir.hw;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.TensorType;
import java.util.function.Consumer;

/**
 * The reads and checks the hw verifiers share, bound to one op and its error sink. A read that
 * fails reports the problem and returns null (or -1), so one malformed property does not hide
 * the other problems of the op, nor throw.
 */
final class HwCheck {
    private final Operation op;
    private final Consumer<String> error;

    HwCheck(Operation op, Consumer<String> error) {
        this.op = op;
        this.error = error;
    }

    Operation op() {
        return op;
    }

    /** Reports a problem; the verifier prefixes the op name and location. */
    void error(String message) {
        error.accept(message);
    }

    /** A stream has exactly one reader, a hw op: fan-out must be an explicit hw.fork. */
    void streamResultsHaveOneUse() {
        for (Value r : op.results()) {
            if (!(r.type() instanceof StreamType)) {
                continue;
            }
            if (r.uses().size() != 1) {
                error("result #" + r.index() + " is a stream and must have exactly one user (fan-out is an explicit hw.fork), has "
                        + r.uses().size());
            } else if (!r.uses().get(0).user().dialect().equals("hw")) {
                error("result #" + r.index() + " is a stream, read by " + r.uses().get(0).user().name()
                        + "; only hw ops read streams (end it with hw.sink)");
            }
        }
    }

    StreamType operandStream(int i) {
        return stream(op.operand(i), "operand #" + i);
    }

    StreamType resultStream(int i) {
        return stream(op.result(i), "result #" + i);
    }

    private StreamType stream(Value v, String what) {
        if (v.type() instanceof StreamType s) {
            return s;
        }
        error(what + " must be a !hw.stream, got " + v.type());
        return null;
    }

    /** A tensor with a static shape, or null after reporting why not. */
    TensorType staticTensor(Value v, String what) {
        if (v.type() instanceof TensorType t && t.isStatic()) {
            return t;
        }
        error(what + " must be a tensor of static shape, got " + v.type());
        return null;
    }

    /** An int property, its default when absent, or -1 after reporting a wrong kind. */
    long integer(String name, long dflt) {
        Attribute a = op.property(name);
        if (a == null) {
            return dflt;
        }
        if (a instanceof Attribute.IntAttr i) {
            return i.value();
        }
        return -1; // the generic verifier reports the kind
    }

    /** A positive int property (e.g. simd), or -1 after reporting. */
    long positive(String name, long dflt) {
        long v = integer(name, dflt);
        if (v < 1 && op.property(name) instanceof Attribute.IntAttr) {
            error("'" + name + "' must be at least 1, got " + v);
            return -1;
        }
        return v;
    }

    /** An ints property, or null when absent or of another kind (reported by the generic verifier). */
    long[] ints(String name) {
        if (!(op.property(name) instanceof Attribute.ArrayAttr arr)) {
            return null;
        }
        long[] out = new long[arr.values().size()];
        for (int i = 0; i < out.length; i++) {
            if (!(arr.values().get(i) instanceof Attribute.IntAttr v)) {
                return null;
            }
            out[i] = v.value();
        }
        return out;
    }

    /** The ints property {@code name} with {@code n} entries, or null after reporting. */
    long[] ints(String name, int n) {
        long[] v = ints(name);
        if (v != null && v.length != n) {
            error("'" + name + "' must have " + n + " entries, got " + v.length);
            return null;
        }
        return v;
    }

    String string(String name, String dflt) {
        return op.property(name) instanceof Attribute.StringAttr s ? s.value() : dflt;
    }

    /** Only the project default (RND_CONV + SAT) and hls4ml's TRN + WRAP have RTL (docs/hardware.md §4). */
    void castModeHasRtl() {
        String rounding = string("rounding", CastMode.DEFAULT.rounding().name());
        String overflow = string("overflow", CastMode.DEFAULT.overflow().name());
        String why = HwCastModes.unsupported(rounding, overflow);
        if (why != null) {
            error(why);
        }
    }

    /** {@code lanes} must divide {@code n}; reports in terms of what each number is. */
    void divides(long lanes, String lanesWhat, long n, String nWhat) {
        if (lanes > 0 && n >= 0 && n % lanes != 0) {
            error(lanesWhat + " (" + lanes + ") must divide " + nWhat + " (" + n + ")");
        }
    }

    void lanesEqual(StreamType s, long lanes, String what, String lanesWhat) {
        if (s != null && lanes > 0 && s.lanes() != lanes) {
            error(what + " has " + s.lanes() + " lanes but " + lanesWhat + " is " + lanes);
        }
    }

    static String shape(long[] s) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) {
            b.append(i > 0 ? ", " : "").append(s[i]);
        }
        return b.append(']').toString();
    }

    static long product(long[] s, int from, int to) {
        long n = 1;
        for (int i = from; i < to; i++) {
            n *= s[i];
        }
        return n;
    }
}
