package dev.nnc.ir.onnx.kernels;

/**
 * Scalar functions that {@link Math} lacks or defines unlike C, to double accuracy: erf, C99
 * pow, the inverse hyperbolic functions, the logistic sigmoid and a softplus that cannot overflow.
 */
public final class SpecialFunctions {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    private SpecialFunctions() {
    }

    /**
     * The error function. Below |x| = 3 the Maclaurin series (cancellation costs at most ~3 of 16
     * digits there); above, 1 - erfc(x) with erfc from its continued fraction.
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax < 3) {
            double x2 = x * x;
            double term = x;
            double sum = x;
            for (int n = 1; n < 200; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return TWO_OVER_SQRT_PI * sum;
        }
        if (ax > 6) {
            return Math.copySign(1.0, x);
        }
        return Math.copySign(1.0 - erfcLarge(ax), x);
    }

    /** erfc(x) for x >= 3 by the Lentz evaluation of its continued fraction. */
    private static double erfcLarge(double x) {
        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }

    /**
     * C99 / numpy {@code pow}: as {@link Math#pow} except that {@code pow(1, y)} is 1 for every y
     * and {@code pow(-1, ±inf)} is 1, where Java gives NaN.
     */
    public static double pow(double x, double y) {
        if (x == 1 || (x == -1 && Double.isInfinite(y))) {
            return 1;
        }
        return Math.pow(x, y);
    }

    public static double asinh(double x) {
        double ax = Math.abs(x);
        double r = ax > 1e150 ? Math.log(ax) + Math.log(2) : Math.log1p(ax + ax * ax / (1 + Math.sqrt(1 + ax * ax)));
        return Math.copySign(r, x);
    }

    public static double acosh(double x) {
        if (x < 1) {
            return Double.NaN;
        }
        return x > 1e150 ? Math.log(x) + Math.log(2) : Math.log(x + Math.sqrt(x * x - 1));
    }

    public static double atanh(double x) {
        return 0.5 * Math.log1p(2 * x / (1 - x));
    }

    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** log(1 + exp(x)) without overflow for large x. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
