package dev.nnc.cpu.runtime;

import dev.nnc.ir.onnx.kernels.SpecialFunctions;

/**
 * Per-element functions of the typed element-wise ops that have no Java operator: {@code Pow} over
 * mixed base and exponent types (overloaded so Java picks the one of the operand types) and
 * {@code IsInf}. Floats use ONNX's pow (the interpreter's {@link SpecialFunctions#pow}); an integer
 * base with an integer exponent multiplies exactly, wrapping; with a float exponent the float
 * result is truncated.
 */
public final class ElementFunctions {
    private ElementFunctions() {
    }

    public static float pow(float a, double b) {
        return (float) SpecialFunctions.pow(a, b);
    }

    public static double pow(double a, double b) {
        return SpecialFunctions.pow(a, b);
    }

    public static long pow(long a, double b) {
        return (long) SpecialFunctions.pow(a, b);
    }

    public static int pow(int a, double b) {
        return (int) (long) SpecialFunctions.pow(a, b);
    }

    /** The interpreter's integer power (wrapping, by squaring). */
    public static long pow(long a, long b) {
        return dev.nnc.ir.onnx.kernels.ArithmeticKernels.intPow(a, b, false, false);
    }

    public static int pow(int a, long b) {
        return (int) pow((long) a, b);
    }

    /** IsInf with its detect_negative and detect_positive attributes. */
    public static boolean isInf(double v, boolean negative, boolean positive) {
        return v == Double.NEGATIVE_INFINITY ? negative : v == Double.POSITIVE_INFINITY && positive;
    }

    /** Gelu with the tanh approximation. */
    public static double geluTanh(double v) {
        return 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
    }

    /** Gelu (exact, through erf). */
    public static double gelu(double v) {
        return 0.5 * v * (1 + SpecialFunctions.erf(v / Math.sqrt(2)));
    }
}
