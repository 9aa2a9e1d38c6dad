package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.StaticConstant;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The static constants of a fixed-point model, one per distinct value: its fixed-point types
 * ({@code FIXED_8_3 = new FixedType(8, 3, true)}), cast modes other than the default, and the
 * requantizers and tables of single ops. The generated code hands them to the rules of
 * {@code dev.nnc.ir.fixed}, which it calls directly (one definition of every rounding). One
 * instance per built model.
 */
final class QStatics {
    static final String FIXED_PACKAGE = "dev.nnc.ir.fixed.*";
    static final String FIXED_TYPE = "dev.nnc.ir.type.FixedType";

    private final Map<FixedType, String> types = new HashMap<>();
    private final Map<CastMode, String> modes = new HashMap<>();
    private final java.util.Set<Operation> fused = new java.util.HashSet<>();
    private final Map<Value, String> weights = new HashMap<>();

    /**
     * The array of an operand; a fixed-point constant becomes a weight of its raws as a plain
     * i32 (or i64) tensor, so weights stay ordinary integer arrays (a model jar stores them as .npy).
     */
    String read(LoweringContext ctx, Value v, Operation op) {
        dev.nnc.ir.tensor.Tensor c = ctx.constant(v);
        if (c == null || !(c.elementType() instanceof FixedType)) {
            return ctx.readTyped(v, op);
        }
        return weights.computeIfAbsent(v, k -> ctx.weight(k.nameHint(), raws(c)));
    }

    /** The raws of a fixed-point tensor as the integer tensor of the array that holds them. */
    static dev.nnc.ir.tensor.Tensor raws(dev.nnc.ir.tensor.Tensor fixed) {
        boolean ints = Dtype.fitsInt((FixedType) fixed.elementType());
        return dev.nnc.ir.tensor.Tensor.ofLongs(ints ? dev.nnc.ir.type.IntegerType.I32 : dev.nnc.ir.type.IntegerType.I64,
                fixed.shape(), fixed.longs().clone());
    }

    /** Marks a q.cast / q.requantize as done by the layer before it (its epilogue). */
    void fuse(Operation op) {
        fused.add(op);
    }

    /** True when {@code op} was folded into the epilogue of the layer that produces its operand. */
    boolean isFused(Operation op) {
        return fused.contains(op);
    }

    /** The fixed element type of a value, or null. */
    static FixedType fixed(Value v) {
        return v.type() instanceof TensorType t && t.elementType() instanceof FixedType f ? f : null;
    }

    /** The Java element type of the arrays holding values of {@code t}. */
    static String javaType(FixedType t) {
        return Dtype.of(t).javaType();
    }

    /** The field naming fixed type {@code t}, declared on first use. */
    String type(LoweringContext ctx, FixedType t) {
        return types.computeIfAbsent(t, k -> {
            imports(ctx);
            String name = ctx.field((k.signed() ? "FIXED_" : "UFIXED_") + k.width() + "_"
                    + (k.intBits() < 0 ? "M" + -k.intBits() : String.valueOf(k.intBits())));
            ctx.addStatic(new StaticConstant("FixedType", name,
                    "new FixedType(" + k.width() + ", " + k.intBits() + ", " + k.signed() + ")"));
            return name;
        });
    }

    /** An expression for a cast mode: the project default, hls4ml's, or a field. */
    String mode(LoweringContext ctx, CastMode m) {
        imports(ctx);
        if (m.equals(CastMode.DEFAULT)) {
            return "CastMode.DEFAULT";
        }
        if (m.equals(CastMode.HLS4ML)) {
            return "CastMode.HLS4ML";
        }
        return modes.computeIfAbsent(m, k -> {
            String name = ctx.field("MODE_" + k.rounding() + "_" + k.overflow());
            ctx.addStatic(new StaticConstant("CastMode", name,
                    "CastMode.parse(\"" + k.rounding() + "\", \"" + k.overflow() + "\")"));
            return name;
        });
    }

    /** A static constant of op {@code op}: {@code private static final javaType <op>_<suffix> = init;}. */
    String constant(LoweringContext ctx, Operation op, String suffix, String javaType, String init) {
        imports(ctx);
        String name = ctx.staticName(op, suffix);
        ctx.addStatic(new StaticConstant(javaType, name, init));
        return name;
    }

    /** The constructor expression of a lookup table. */
    String table(LoweringContext ctx, LookupTable t) {
        return "new LookupTable(LutFunction." + t.function().name() + ", " + type(ctx, t.input()) + ", "
                + type(ctx, t.output()) + ", " + t.log2Size() + ", " + literal(t.lo()) + ", " + literal(t.hi()) + ", "
                + mode(ctx, t.mode()) + ")";
    }

    /** The constructor expression of a requantizer. */
    String requantizer(LoweringContext ctx, dev.nnc.ir.fixed.Requantizer r) {
        return "new Requantizer(" + r.multiplier() + "L, " + r.shift() + ", " + mode(ctx, r.mode()) + ")";
    }

    /** A double literal that reads back as the same double. */
    static String literal(double d) {
        return Double.toString(d).toLowerCase(Locale.ROOT);
    }

    private static void imports(LoweringContext ctx) {
        ctx.addImport(FIXED_PACKAGE);
        ctx.addImport(FIXED_TYPE);
    }
}
