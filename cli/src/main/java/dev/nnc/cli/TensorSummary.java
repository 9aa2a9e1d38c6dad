package dev.nnc.cli;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.IntegerType;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A few human-readable lines about a tensor, printed by {@code nnc run} when no output file is
 * given: type and shape, min/max/mean, the first values, and the argmax of a {@code 1xN} result
 * (the predicted class of a classifier).
 */
final class TensorSummary {
    /** How many leading values to show. */
    static final int SHOWN = 8;

    private TensorSummary() {
    }

    static String describe(String name, Tensor t) {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(": ").append(t.tensorType());
        int n = t.size();
        if (t.isStrings()) {
            StringJoiner j = new StringJoiner(", ", "  [", "]");
            for (int i = 0; i < Math.min(n, SHOWN); i++) {
                j.add('"' + t.strings()[i] + '"');
            }
            return sb.append('\n').append(j).append(more(n)).toString();
        }
        if (n == 0) {
            return sb.append("  (empty)").toString();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int nan = 0;
        int argmax = 0;
        for (int i = 0; i < n; i++) {
            double v = t.getDouble(i);
            if (Double.isNaN(v)) {
                nan++;
                continue;
            }
            min = Math.min(min, v);
            sum += v;
            if (v > max) {
                max = v;
                argmax = i;
            }
        }
        if (nan < n) {
            sb.append("  min ").append(number(min)).append("  max ").append(number(max))
                    .append("  mean ").append(number(sum / (n - nan)));
        }
        if (nan > 0) {
            sb.append("  NaN ").append(nan);
        }
        StringJoiner values = new StringJoiner(", ", "\n  [", "]");
        for (int i = 0; i < Math.min(n, SHOWN); i++) {
            values.add(element(t, i));
        }
        sb.append(values).append(more(n));
        int[] shape = t.shape();
        boolean vector = shape.length == 1 || (shape.length == 2 && shape[0] == 1);
        if (vector && n > 1 && nan < n) {
            sb.append("\n  argmax ").append(argmax);
        }
        return sb.toString();
    }

    private static String more(int n) {
        return n > SHOWN ? " ... (" + n + " values)" : "";
    }

    /** One element in its type's natural spelling (shortest round-trip form for floats). */
    private static String element(Tensor t, int i) {
        ElementType type = t.elementType();
        if (type == BoolType.I1) {
            return t.longs()[i] != 0 ? "true" : "false";
        }
        if (type instanceof IntegerType it) {
            long v = t.longs()[i];
            return it.signed() ? Long.toString(v) : Long.toUnsignedString(v);
        }
        double v = t.getDouble(i);
        return type.byteSize() <= 4 && !Double.isNaN(v) && !Double.isInfinite(v)
                ? Float.toString((float) v) : Double.toString(v);
    }

    /** A statistic with six significant digits and no trailing zeros. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }
}
