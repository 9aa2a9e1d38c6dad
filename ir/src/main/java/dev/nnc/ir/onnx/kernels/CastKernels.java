package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.MiniFloat;
import dev.nnc.ir.type.StringType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.List;

/**
 * {@code Cast} and {@code CastLike}. Between numbers: floats round to nearest even, float to
 * integer truncates toward zero and then wraps to the width (what the ONNX tests expect for
 * int4/int2; out-of-range values are undefined in ONNX), integers wrap, anything to bool is
 * {@code != 0} (NaN is true). Strings convert as {@link NumberStrings} describes. Float8 targets
 * honour {@code saturate} (1: out of range values and infinities clamp to the largest finite
 * value; 0: they overflow to infinity or NaN), float4 always saturates (as ONNX's reference), and
 * E8M0 rounds to a power of two by {@code round_mode}.
 */
public final class CastKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/cast.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Cast", ctx -> like(ctx.operandType(0), target(ctx.op())),
                ctx -> List.of(cast(ctx, ctx.input(0), target(ctx.op()))));
        t.op("CastLike", ctx -> like(ctx.operandType(0), Infer.elementType(ctx.operandType(1))),
                ctx -> List.of(cast(ctx, ctx.input(0), ctx.input(1).elementType())));
    }

    private static List<Type> like(Type in, ElementType to) {
        if (to == null) {
            return Collections.singletonList(null);
        }
        return Collections.singletonList(in instanceof TensorType tt ? new TensorType(to, tt.dims()) : TensorType.unranked(to));
    }

    /** The target of {@code to}: an ONNX data type code (opset 6+), its name (opset 1), or a type. */
    static ElementType target(Operation op) {
        Attribute to = op.property("to");
        Location loc = op.location();
        String opName = op.name();
        int code;
        if (to instanceof Attribute.TypeAttr ta && ta.type() instanceof ElementType e) {
            return e;
        } else if (to instanceof Attribute.IntAttr i) {
            code = i.value() == (int) i.value() ? (int) i.value() : -1;
        } else if (to instanceof Attribute.StringAttr s) {
            code = codeOfName(s.value());
        } else {
            throw new NncException(loc, opName + " needs attribute 'to' (an ONNX data type)");
        }
        if (code <= 0 || OnnxDataType.name(code).startsWith("data type")) {
            throw new NncException(loc, opName + ": 'to' = " + to + " is not an ONNX data type");
        }
        return OnnxDataType.toElementType(code).orElseThrow(
                () -> new NncException(loc, opName + ": cast to " + OnnxDataType.name(code) + " is not supported"));
    }

    /** The code of an ONNX data type name such as {@code FLOAT} (opset 1 spelled {@code to} so), or -1. */
    private static int codeOfName(String name) {
        for (int c = 1; c <= 26; c++) {
            if (OnnxDataType.name(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    /** Converts every element of x to {@code to}. */
    static Tensor cast(EvalContext ctx, Tensor x, ElementType to) {
        ElementType from = x.elementType();
        int[] shape = x.shape();
        int n = x.size();
        if (from.equals(to)) {
            return x;
        }
        if (!(from instanceof FloatType || from instanceof IntegerType || from == BoolType.I1 || from == StringType.STR)) {
            throw ctx.error("cannot cast from " + from.spelling());
        }
        if (to == StringType.STR) {
            String[] r = new String[n];
            for (int i = 0; i < n; i++) {
                r[i] = x.isDoubles() ? NumberStrings.formatFloat(x.doubles()[i], (FloatType) from)
                        : NumberStrings.formatLong(x.longs()[i], from);
            }
            return Tensor.ofStrings(shape, r);
        }
        if (from == StringType.STR) {
            return fromStrings(ctx, x, to);
        }
        if (to instanceof FloatType ft && ft.mini() != null) {
            return toMiniFloat(ctx, x, ft);
        }
        if (to instanceof FloatType ft) {
            double[] r = new double[n];
            boolean fromInteger = from instanceof IntegerType;
            boolean unsigned = fromInteger && !((IntegerType) from).signed();
            for (int i = 0; i < n; i++) {
                r[i] = fromInteger ? IntegerToFloat.convert(x.longs()[i], unsigned, ft) : x.getDouble(i);
            }
            return Tensor.ofDoubles(ft, shape, r);
        }
        if (to == BoolType.I1) {
            long[] r = new long[n];
            for (int i = 0; i < n; i++) {
                r[i] = x.isDoubles() ? (x.doubles()[i] != 0 ? 1 : 0) : (x.longs()[i] != 0 ? 1 : 0);
            }
            return Tensor.ofLongs(to, shape, r);
        }
        if (to instanceof IntegerType) {
            long[] r = new long[n];
            for (int i = 0; i < n; i++) {
                r[i] = x.isDoubles() ? ElementwiseSupport.truncateToLong(x.doubles()[i], to) : x.longs()[i];
            }
            return Tensor.ofLongs(to, shape, r);
        }
        throw ctx.error("cannot cast to " + to.spelling());
    }

    /** Casts numbers to a float8/float4/e8m0 type under the {@code saturate} and {@code round_mode} attributes. */
    private static Tensor toMiniFloat(EvalContext ctx, Tensor x, FloatType to) {
        boolean saturate = ctx.attrs().getInt("saturate", 1) != 0;
        MiniFloat.PowerRounding mode = null;
        if (to == FloatType.F8E8M0FNU) {
            String name = ctx.attrs().getString("round_mode", "up");
            mode = MiniFloat.PowerRounding.named(name);
            if (mode == null) {
                throw ctx.error("round_mode '" + name + "' is not one of up, down, nearest");
            }
        }
        double[] r = new double[x.size()];
        for (int i = 0; i < r.length; i++) {
            double v = x.getDouble(i);
            r[i] = mode != null ? to.mini().toPowerOfTwo(v, mode, saturate)
                    : saturate ? to.roundSaturating(v) : to.round(v);
        }
        return Tensor.ofDoubles(to, x.shape(), r);
    }

    private static Tensor fromStrings(EvalContext ctx, Tensor x, ElementType to) {
        String[] s = x.strings();
        int n = s.length;
        if (to instanceof FloatType ft) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                Double d = NumberStrings.parseFloat(s[i], ft);
                if (d == null) {
                    throw unparsable(ctx, s[i], to);
                }
                r[i] = d;
            }
            return Tensor.ofDoubles(ft, x.shape(), r);
        }
        if (to instanceof IntegerType || to == BoolType.I1) {
            long[] r = new long[n];
            for (int i = 0; i < n; i++) {
                Long l = to == BoolType.I1 ? NumberStrings.parseBool(s[i]) : NumberStrings.parseLong(s[i], to);
                if (l == null) {
                    throw unparsable(ctx, s[i], to);
                }
                r[i] = l;
            }
            return Tensor.ofLongs(to, x.shape(), r);
        }
        throw ctx.error("cannot cast strings to " + to.spelling());
    }

    private static NncException unparsable(EvalContext ctx, String s, ElementType to) {
        return ctx.error("cannot convert string '" + s + "' to " + to.spelling());
    }
}
