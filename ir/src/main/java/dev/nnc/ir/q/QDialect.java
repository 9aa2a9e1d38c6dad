package dev.nnc.ir.q;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.spec.Arity;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.Dialect;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.spec.Semantics;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code q} dialect: moves between float and fixed point and between fixed formats, by the
 * one definition in {@code dev.nnc.ir.fixed}. Every op is element-wise and keeps the shape; the
 * declared result type says the target format. For example
 * <pre>
 * %q = "q.quantize"(%x) : (tensor&lt;4xf32&gt;) -&gt; tensor&lt;4xfixed&lt;8,3&gt;&gt;
 * %c = "q.cast"(%q) &lt;{rounding = "TRN", overflow = "WRAP"}&gt; : (tensor&lt;4xfixed&lt;8,3&gt;&gt;) -&gt; tensor&lt;4xfixed&lt;6,2&gt;&gt;
 * </pre>
 * {@code rounding} and {@code overflow} default to {@link CastMode#DEFAULT} (RND_CONV, SAT).
 */
public final class QDialect {
    public static final String QUANTIZE = "q.quantize";
    public static final String DEQUANTIZE = "q.dequantize";
    public static final String CAST = "q.cast";
    public static final String REQUANTIZE = "q.requantize";
    public static final String LUT = "q.lut";
    public static final String SOFTMAX = "q.softmax";

    private QDialect() {
    }

    public static Dialect create() {
        Dialect q = new Dialect("q");
        List<AttrSpec> mode = List.of(
                new AttrSpec(QTypes.ROUNDING, AttrKind.STRING, new Attribute.StringAttr(CastMode.DEFAULT.rounding().name()), false),
                new AttrSpec(QTypes.OVERFLOW, AttrKind.STRING, new Attribute.StringAttr(CastMode.DEFAULT.overflow().name()), false));
        q.register(spec(QUANTIZE, mode, QVerifiers.floatToFixed(), QSemantics::quantize));
        q.register(spec(DEQUANTIZE, List.of(), QVerifiers.fixedToFloat(), QSemantics::dequantize));
        q.register(spec(CAST, mode, QVerifiers.fixedToFixed(), QSemantics::cast));
        List<AttrSpec> requant = new ArrayList<>(mode);
        requant.add(new AttrSpec("multiplier", AttrKind.INT, null, false));
        requant.add(new AttrSpec("shift", AttrKind.INT, null, false));
        requant.add(new AttrSpec("multipliers", AttrKind.INTS, null, false));
        requant.add(new AttrSpec("shifts", AttrKind.INTS, null, false));
        requant.add(new AttrSpec("axis", AttrKind.INT, new Attribute.IntAttr(1), false));
        q.register(spec(REQUANTIZE, requant, QVerifiers.fixedToFixed(), QSemantics::requantize));
        List<AttrSpec> lut = new ArrayList<>(mode);
        lut.add(new AttrSpec("function", AttrKind.STRING, null, true));
        lut.add(new AttrSpec("log2_size", AttrKind.INT, null, false));
        lut.add(new AttrSpec("lo", AttrKind.FLOAT, null, false));
        lut.add(new AttrSpec("hi", AttrKind.FLOAT, null, false));
        q.register(spec(LUT, lut, QVerifiers.fixedToFixed(), QSemantics::lut));
        q.register(spec(SOFTMAX, QSoftmax.ATTRIBUTES, QSoftmax.verifier(), QSemantics::softmax));
        return q;
    }

    private static OpSpec spec(String name, List<AttrSpec> attrs, OpVerifier v, Semantics s) {
        return new OpSpec(name, List.of(1), new Arity(1, 1), new Arity(1, 1), attrs, v, QTypes::keepShape, s);
    }
}
