package dev.nnc.ir.q;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedSoftmax;
import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.fixed.LutFunction;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.List;

/**
 * {@code q.softmax}: softmax over the last axis of a fixed-point tensor by two lookup tables, as
 * {@link FixedSoftmax} defines it. The properties name the tables (the same names as
 * {@code kernel.softmax} and {@code hw.softmax}):
 * <pre>
 * %y = "q.softmax"(%x) &lt;{exp_hi = 0.0, exp_lo = -8.0, exp_type = ufixed&lt;16,1&gt;, recip_hi = 8.0, ...}&gt;
 *        : (tensor&lt;1x5xfixed&lt;16,6&gt;&gt;) -&gt; tensor&lt;1x5xfixed&lt;16,6&gt;&gt;
 * </pre>
 * Defaults: exp over [−8, 0) (its input x − max is never positive) in 1024 entries to
 * {@code ufixed<16,1>}; the sum cast to {@code ufixed<16,7>}; reciprocal over [0, 64) in 1024
 * entries to {@code ufixed<16,1>}.
 */
public final class QSoftmax {
    public static final String EXP_LOG2_SIZE = "exp_log2_size";
    public static final String EXP_LO = "exp_lo";
    public static final String EXP_HI = "exp_hi";
    public static final String EXP_TYPE = "exp_type";
    public static final String RECIP_IN_TYPE = "recip_in_type";
    public static final String RECIP_LOG2_SIZE = "recip_log2_size";
    public static final String RECIP_LO = "recip_lo";
    public static final String RECIP_HI = "recip_hi";
    public static final String RECIP_TYPE = "recip_type";

    static final List<AttrSpec> ATTRIBUTES = List.of(
            new AttrSpec(EXP_LOG2_SIZE, AttrKind.INT, new Attribute.IntAttr(LutFunction.DEFAULT_LOG2_SIZE), false),
            new AttrSpec(EXP_LO, AttrKind.FLOAT, new Attribute.FloatAttr(-8), false),
            new AttrSpec(EXP_HI, AttrKind.FLOAT, new Attribute.FloatAttr(0), false),
            new AttrSpec(EXP_TYPE, AttrKind.TYPE, new Attribute.TypeAttr(new FixedType(16, 1, false)), false),
            new AttrSpec(RECIP_IN_TYPE, AttrKind.TYPE, new Attribute.TypeAttr(new FixedType(16, 7, false)), false),
            new AttrSpec(RECIP_LOG2_SIZE, AttrKind.INT, new Attribute.IntAttr(LutFunction.DEFAULT_LOG2_SIZE), false),
            new AttrSpec(RECIP_LO, AttrKind.FLOAT, new Attribute.FloatAttr(LutFunction.RECIPROCAL.defaultLo()), false),
            new AttrSpec(RECIP_HI, AttrKind.FLOAT, new Attribute.FloatAttr(LutFunction.RECIPROCAL.defaultHi()), false),
            new AttrSpec(RECIP_TYPE, AttrKind.TYPE, new Attribute.TypeAttr(new FixedType(16, 1, false)), false));

    private QSoftmax() {
    }

    /**
     * The softmax a {@code q.softmax} op describes, for its operand and result element types;
     * an IllegalArgumentException says what is inconsistent (a type that is not fixed point, a
     * table range that is not a power-of-two bin width, ...).
     */
    public static FixedSoftmax of(Operation op) {
        OpAttributes a = new OpAttributes(op, null);
        FixedType in = fixedElement(op.operand(0).type(), "operand");
        FixedType out = fixedElement(op.result(0).type(), "result");
        FixedType expType = type(op, EXP_TYPE);
        FixedType recipIn = type(op, RECIP_IN_TYPE);
        LookupTable exp = new LookupTable(LutFunction.EXP, FixedSoftmax.differenceType(in), expType,
                Math.toIntExact(a.getInt(EXP_LOG2_SIZE, (long) intDefault(EXP_LOG2_SIZE))),
                a.getFloat(EXP_LO, floatDefault(EXP_LO)), a.getFloat(EXP_HI, floatDefault(EXP_HI)), CastMode.DEFAULT);
        LookupTable recip = new LookupTable(LutFunction.RECIPROCAL, recipIn, type(op, RECIP_TYPE),
                Math.toIntExact(a.getInt(RECIP_LOG2_SIZE, (long) intDefault(RECIP_LOG2_SIZE))),
                a.getFloat(RECIP_LO, floatDefault(RECIP_LO)), a.getFloat(RECIP_HI, floatDefault(RECIP_HI)), CastMode.DEFAULT);
        FixedSoftmax s = new FixedSoftmax(in, exp, recipIn, recip, out);
        if (op.operand(0).type() instanceof TensorType t && t.isStatic() && t.rank() > 0) {
            s.sumType(t.shape()[t.rank() - 1]); // the exact sum must fit 64 bits
            s.productType();
        } else if (op.operand(0).type() instanceof TensorType t && t.hasRank() && t.rank() == 0) {
            throw new IllegalArgumentException("softmax needs an axis; the operand is a scalar");
        }
        return s;
    }

    /** The verifier: everything {@link #of} checks, reported as one line naming the op. */
    static OpVerifier verifier() {
        OpVerifier shape = QVerifiers.fixedToFixed();
        return (op, error) -> {
            int[] count = {0};
            shape.verify(op, m -> {
                count[0]++;
                error.accept(m);
            });
            if (count[0] > 0 || op.numOperands() != 1 || op.numResults() != 1) {
                return;
            }
            try {
                of(op);
            } catch (IllegalArgumentException | ArithmeticException e) {
                error.accept(op.name() + ": " + e.getMessage());
            }
        };
    }

    private static FixedType fixedElement(dev.nnc.ir.type.Type t, String what) {
        if (QTypes.element(t) instanceof FixedType ft) {
            return ft;
        }
        throw new IllegalArgumentException(what + " must be a fixed-point tensor, got " + t);
    }

    private static FixedType type(Operation op, String name) {
        Attribute a = op.property(name);
        if (a == null) {
            a = spec(name).defaultValue();
        }
        if (a instanceof Attribute.TypeAttr ta && ta.type() instanceof FixedType ft) {
            return ft;
        }
        throw new IllegalArgumentException(name + " must be a fixed-point type, got " + a);
    }

    private static AttrSpec spec(String name) {
        return ATTRIBUTES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static long intDefault(String name) {
        return ((Attribute.IntAttr) spec(name).defaultValue()).value();
    }

    private static double floatDefault(String name) {
        return ((Attribute.FloatAttr) spec(name).defaultValue()).value();
    }
}
