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
        return layout(shortest(v, type));
    }

    /**
     * A finite non-zero value as significant digits and the decimal exponent of the first one:
     * {@code -0.0125} is {@code (true, "125", -2)}. No trailing zeros in {@code digits}.
     */
    public record Decimal(boolean negative, String digits, int exponent) {
    }

    /**
     * The fewest significant digits (rounded half-even from the exact binary value) that read back
     * to exactly {@code v} in {@code type}; 17 digits when none fewer do. {@code v} must be finite
     * and non-zero. Shared by every layout of shortest floats (the IR text, Cast to string).
     */
    public static Decimal shortest(double v, FloatType type) {
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 17; digits++) {
            Decimal d = decimal(exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)));
            if (Double.compare(parse(layout(d), type), v) == 0) {
                return d;
            }
        }
        return decimal(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static Decimal decimal(BigDecimal r) {
        String digits = r.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - r.scale(); // decimal exponent of the leading digit
        return new Decimal(r.signum() < 0, stripTrailingZeros(digits), exponent);
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
    private static String layout(Decimal d) {
        String digits = d.digits();
        String sign = d.negative() ? "-" : "";
        int exponent = d.exponent();
        if (exponent >= -3 && exponent < 7) {
            return sign + positional(digits, exponent);
        }
        String frac = digits.length() > 1 ? digits.substring(1) : "0";
        return sign + digits.charAt(0) + "." + frac + "e" + exponent;
    }

    /**
     * Positional digits without sign, at least one digit on each side of the point:
     * {@code ("125", -2)} is {@code 0.0125}, {@code ("5", 2)} is {@code 500.0}.
     */
    public static String positional(String digits, int exponent) {
        if (exponent < 0) {
            return "0." + "0".repeat(-exponent - 1) + digits;
        }
        String intPart = exponent + 1 >= digits.length()
                ? digits + "0".repeat(exponent + 1 - digits.length()) : digits.substring(0, exponent + 1);
        String frac = exponent + 1 >= digits.length() ? "0" : digits.substring(exponent + 1);
        return intPart + "." + frac;
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }
}
