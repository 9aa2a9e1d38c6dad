package dev.nnc.ir.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.fixed.LutFunction;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.FixedType;
import java.util.List;

/**
 * The fixed-point softmax of docs/hardware.md §1, on raws of one vector, in this order:
 * m = max x; d_i = x_i − m (exact); e_i = exp table(d_i); s = Σ e_i (exact); t = cast(s) to
 * recip_in_type; r = reciprocal table(t); y_i = cast(e_i · r) to the result type (casts in the
 * default mode).
 */
public record SoftmaxParams(LookupTable exp, FixedType recipIn, LookupTable recip) {
    /** The properties, named as on {@code q.softmax} and {@code hw.softmax}. */
    public static final List<String> PROPERTIES = List.of("exp_log2_size", "exp_lo", "exp_hi", "exp_type",
            "recip_in_type", "recip_log2_size", "recip_lo", "recip_hi", "recip_type");

    static AttrKind kind(String property) {
        if (property.endsWith("_type")) {
            return AttrKind.TYPE;
        }
        return property.endsWith("_size") ? AttrKind.INT : AttrKind.FLOAT;
    }

    /** The exact type of d_i = x_i − m for inputs of type {@code in}. */
    public static FixedType differenceType(FixedType in) {
        return FixedRules.difference(in, in);
    }

    /** Reads the tables from the properties for inputs of type {@code in}; problems are IllegalArgumentExceptions. */
    public static SoftmaxParams from(OpAttributes a, FixedType in) {
        LookupTable exp = new LookupTable(LutFunction.EXP, differenceType(in), type(a, "exp_type"),
                Math.toIntExact(a.getInt("exp_log2_size")), a.getFloat("exp_lo"), a.getFloat("exp_hi"), CastMode.DEFAULT);
        FixedType recipIn = type(a, "recip_in_type");
        LookupTable recip = new LookupTable(LutFunction.RECIPROCAL, recipIn, type(a, "recip_type"),
                Math.toIntExact(a.getInt("recip_log2_size")), a.getFloat("recip_lo"), a.getFloat("recip_hi"), CastMode.DEFAULT);
        FixedRules.accumulator(exp.output(), 1 << 20);
        FixedRules.product(exp.output(), recip.output());
        return new SoftmaxParams(exp, recipIn, recip);
    }

    private static FixedType type(OpAttributes a, String name) {
        if (a.get(name) instanceof Attribute.TypeAttr t && t.type() instanceof FixedType f) {
            return f;
        }
        throw new IllegalArgumentException(name + " must be a fixed-point type");
    }

    /** The exact type of s = Σ e_i over n entries. */
    public FixedType sumType(int n) {
        return FixedRules.accumulator(exp.output(), n);
    }

    /** Softmax of x[off .. off+n) (raws of {@code in}) into y[off ..] (raws of {@code out}). */
    public void apply(long[] x, long[] y, int off, int n, FixedType in, FixedType out, long[] expContents, long[] recipContents) {
        long m = x[off];
        for (int i = 1; i < n; i++) {
            m = Math.max(m, x[off + i]);
        }
        FixedType sumType = sumType(n);
        long[] e = new long[n];
        long s = 0;
        for (int i = 0; i < n; i++) {
            e[i] = expContents[exp.index(x[off + i] - m)];
            s += e[i];
        }
        long t = FixedCast.cast(s, sumType, recipIn, CastMode.DEFAULT);
        long r = recipContents[recip.index(t)];
        FixedType prod = FixedRules.product(exp.output(), recip.output());
        for (int i = 0; i < n; i++) {
            y[off + i] = FixedCast.cast(e[i] * r, prod, out, CastMode.DEFAULT);
        }
    }
}
