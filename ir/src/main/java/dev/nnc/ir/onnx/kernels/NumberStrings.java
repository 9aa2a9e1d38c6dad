package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.text.FloatFormat;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.Unsigned;
import java.util.Locale;

/**
 * Number ↔ string conversions of {@code Cast} as the ONNX reference (numpy) does them: floats
 * print the shortest digits ({@link FloatFormat#shortest}) that read back to the same value of
 * their own type, positional for 1e-4 ≤ |x| < 1e16 ({@code 1.0}, {@code 0.001}) and scientific otherwise ({@code 1e-05},
 * {@code 1.5e+16}); {@code inf}, {@code -inf}, {@code nan}; booleans {@code True}/{@code False}.
 * Parsing accepts what numpy's float() accepts, including {@code INF}, {@code -Infinity} and
 * {@code NaN} in any case.
 */
public final class NumberStrings {
    private NumberStrings() {
    }

    /** numpy's {@code str()} of a float value held in type {@code t}. */
    public static String formatFloat(double v, FloatType t) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0.0" : "0.0";
        }
        FloatFormat.Decimal d = FloatFormat.shortest(v, t);
        String digits = d.digits();
        int exp = d.exponent();
        double a = Math.abs(v);
        StringBuilder sb = new StringBuilder(d.negative() ? "-" : "");
        if (a >= 1e-4 && a < 1e16) {
            return sb.append(FloatFormat.positional(digits, exp)).toString();
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exp < 0 ? '-' : '+');
        String ex = Integer.toString(Math.abs(exp));
        return sb.append(ex.length() < 2 ? "0" + ex : ex).toString();
    }

    /** The string of an integer or bool element (u64 unsigned). */
    public static String formatLong(long v, ElementType t) {
        if (t == BoolType.I1) {
            return v != 0 ? "True" : "False";
        }
        return Unsigned.isU64(t) ? Long.toUnsignedString(v) : Long.toString(v);
    }

    /** Parses a float, or returns null when the text is not a number. */
    public static Double parseFloat(String text, FloatType t) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        boolean neg = s.startsWith("-");
        if (body.equals("inf") || body.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan")) {
            return Double.NaN;
        }
        if (body.isEmpty() || !body.matches("[0-9._e+-]+")) {
            return null;
        }
        try {
            String clean = s.replace("_", "");
            return t == FloatType.F32 ? (double) Float.parseFloat(clean) : Double.parseDouble(clean);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses an integer (u64 unsigned); a decimal fraction truncates toward zero; null if not a number. */
    public static Long parseLong(String text, ElementType t) {
        String s = text.strip();
        try {
            return Unsigned.isU64(t) ? Long.parseUnsignedLong(s.startsWith("+") ? s.substring(1) : s) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            Double d = parseFloat(s, FloatType.F64);
            return d == null || d.isNaN() ? null : ElementwiseSupport.truncateToLong(d, t);
        }
    }

    /** Parses a bool: True/False in any case, else a number's truth. Null if neither. */
    public static Long parseBool(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("true")) {
            return 1L;
        }
        if (s.equals("false") || s.isEmpty()) {
            return 0L;
        }
        Double d = parseFloat(s, FloatType.F64);
        return d == null ? null : d != 0 ? 1L : 0L;
    }
}
