package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ai.onnx.ml.LabelEncoder}: maps each element through a key → value table, elements not
 * among the keys becoming the default. Version 1 has one string list {@code classes_strings}
 * (strings → their index, or indices → strings); version 2 has {@code keys_*}/{@code values_*}
 * lists of floats, int64s or strings; version 4 adds {@code keys_tensor}/{@code values_tensor}
 * (any type) and {@code default_tensor}. The output type is the values' type.
 */
final class LabelEncoder {
    /** The key and value columns and the default, as tensors of one shape [n] (default: one element). */
    private record Table(Tensor keys, Tensor values, Tensor dflt) {
    }

    private LabelEncoder() {
    }

    static List<Type> infer(InferContext ctx) {
        ElementType in = Infer.elementType(ctx.operandType(0));
        ElementType out = valueType(ctx.attrs(), in);
        if (out == null || !(ctx.operandType(0) instanceof TensorType tt)) {
            return Infer.unknown(1);
        }
        return Collections.singletonList(tt.withElementType(out));
    }

    private static ElementType valueType(OpAttributes a, ElementType input) {
        if (a.get("values_tensor") != null) {
            return a.getTensor("values_tensor").elementType();
        }
        if (a.get("values_floats") != null) {
            return FloatType.F32;
        }
        if (a.get("values_int64s") != null) {
            return IntegerType.I64;
        }
        if (a.get("values_strings") != null) {
            return StringType.STR;
        }
        if (a.get("classes_strings") != null && input != null) {
            return input instanceof StringType ? IntegerType.I64 : StringType.STR;
        }
        return null;
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        Tensor x = ctx.input(0);
        Table t = table(ctx, x);
        if (t.keys().size() != t.values().size()) {
            throw ctx.error(t.keys().size() + " keys but " + t.values().size() + " values");
        }
        Map<Object, Integer> index = new HashMap<>();
        for (int i = t.keys().size() - 1; i >= 0; i--) {
            index.put(key(t.keys(), i), i);
        }
        int[] pos = new int[x.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = index.getOrDefault(key(x, i), -1);
        }
        return List.of(pick(t, x.shape(), pos));
    }

    /** A lookup key for element i; floats compare by value, with -0.0 = 0.0 and NaN matching NaN. */
    private static Object key(Tensor t, int i) {
        if (t.isStrings()) {
            return t.strings()[i];
        }
        if (t.isLongs()) {
            return t.longs()[i];
        }
        double d = t.doubles()[i];
        return d == 0 ? 0.0 : d;
    }

    private static Tensor pick(Table t, int[] shape, int[] pos) {
        Tensor v = t.values();
        int n = pos.length;
        if (v.isStrings()) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = pos[i] < 0 ? t.dflt().strings()[0] : v.strings()[pos[i]];
            }
            return Tensor.ofStrings(shape, out);
        }
        if (v.isLongs()) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = pos[i] < 0 ? t.dflt().toLongs()[0] : v.longs()[pos[i]];
            }
            return Tensor.ofLongs(v.elementType(), shape, out);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = pos[i] < 0 ? t.dflt().toDoubles()[0] : v.doubles()[pos[i]];
        }
        return Tensor.ofDoubles(v.elementType(), shape, out);
    }

    private static Table table(EvalContext ctx, Tensor x) {
        OpAttributes a = ctx.attrs();
        List<String> classes = a.getStrings("classes_strings", null);
        Tensor keys = column(a, "keys");
        Tensor values = column(a, "values");
        if (keys == null && values == null && classes != null) {
            Tensor names = strings(classes);
            Tensor ids = longs(classes.size());
            return x.isStrings() ? new Table(names, ids, Tensor.ofLongs(IntegerType.I64, new int[] {1}, new long[] {a.getInt("default_int64", -1)}))
                    : new Table(ids, names, strings(List.of(a.getString("default_string", "_Unused"))));
        }
        if (keys == null || values == null) {
            throw ctx.error("needs one keys_* and one values_* attribute");
        }
        return new Table(keys, values, dflt(a, values));
    }

    /** {@code default_tensor}, else the default attribute of the values' kind. */
    private static Tensor dflt(OpAttributes a, Tensor values) {
        Tensor given = a.getTensor("default_tensor");
        if (given != null && given.size() > 0) {
            return given.reshape(new int[] {given.size()});
        }
        int[] one = {1};
        if (values.isStrings()) {
            return strings(List.of(a.getString("default_string", "_Unused")));
        }
        if (values.isLongs()) {
            return Tensor.ofLongs(values.elementType(), one, new long[] {a.getInt("default_int64", -1)});
        }
        return Tensor.ofDoubles(values.elementType(), one, new double[] {a.getFloat("default_float", -0.0)});
    }

    /** {@code <side>_tensor}, {@code <side>_floats}, {@code <side>_int64s} or {@code <side>_strings}, flattened. */
    private static Tensor column(OpAttributes a, String side) {
        Tensor t = a.getTensor(side + "_tensor");
        if (t != null) {
            return t.reshape(new int[] {t.size()});
        }
        double[] f = a.getFloats(side + "_floats", null);
        if (f != null && f.length > 0) {
            return Tensor.ofDoubles(FloatType.F32, new int[] {f.length}, f);
        }
        long[] l = a.getInts(side + "_int64s", null);
        if (l != null && l.length > 0) {
            return Tensor.ofLongs(IntegerType.I64, new int[] {l.length}, l);
        }
        List<String> s = a.getStrings(side + "_strings", null);
        return s != null && !s.isEmpty() ? strings(s) : null;
    }

    private static Tensor strings(List<String> s) {
        return Tensor.ofStrings(new int[] {s.size()}, s.toArray(new String[0]));
    }

    private static Tensor longs(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return Tensor.ofLongs(IntegerType.I64, new int[] {n}, ids);
    }
}
