package dev.nnc.ir.text;

import dev.nnc.ir.type.FloatType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The text form of floating-point numbers: the shortest decimal that reads back to exactly the same
 * value of the given type, always with a {@code .} or an exponent so it never looks like an
 * integer; {@code nan}, {@code inf}, {@code -inf}. Computed with {@link BigDecimal} rather than
 * {@code Double.toString}, whose digits changed between JDK 17 and 19, so files print the same on
 * every JDK.
 */
public final class FloatFormat {
    private FloatFormat() {
    }

    /** Formats a value of type {@code type} (F64 for plain doubles such as FloatAttr). */
    public static String format(double v, FloatType type) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (Double.doubleToRawLongBits(v) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            String s = layout(r);
            if (Double.compare(parse(s, type), v) == 0) {
                return s;
            }
        }
        return layout(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    /** Reads a number written by {@link #format} (or any decimal) as a value of {@code type}. */
    public static double parse(String s, FloatType type) {
        switch (s) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (type == FloatType.F64) {
            return Double.parseDouble(s);
        }
        // f16/bf16/float8/float4 values are all exact floats, so reading as float first rounds the same way
        return type.round(Float.parseFloat(s));
    }

    /** Plain notation for magnitudes in [1e-3, 1e7), scientific otherwise, like Java's. */
    private static String layout(BigDecimal r) {
        String digits = r.unscaledValue().abs().toString();
        String sign = r.signum() < 0 ? "-" : "";
        int exponent = digits.length() - 1 - r.scale(); // decimal exponent of the leading digit
        digits = stripTrailingZeros(digits);
        if (exponent >= -3 && exponent < 7) {
            String plain;
            if (exponent >= 0) {
                String intPart = exponent + 1 >= digits.length()
                        ? digits + "0".repeat(exponent + 1 - digits.length()) : digits.substring(0, exponent + 1);
                String frac = exponent + 1 >= digits.length() ? "0" : digits.substring(exponent + 1);
                plain = intPart + "." + frac;
            } else {
                plain = "0." + "0".repeat(-exponent - 1) + digits;
            }
            return sign + plain;
        }
        String frac = digits.length() > 1 ? digits.substring(1) : "0";
        return sign + digits.charAt(0) + "." + frac + "e" + exponent;
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }
}
