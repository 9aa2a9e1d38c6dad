package dev.nnc.cpu.runtime;

import dev.nnc.ir.onnx.kernels.SpecialFunctions;

/**
 * Scalar functions that {@link Math} lacks or gets wrong at the edges (erf, inverse hyperbolics,
 * a softplus that cannot overflow, ONNX's pow). They delegate to the interpreter's definitions:
 * one definition of every number, so the generated code and the reference agree by construction.
 */
public final class Scalars {
    private Scalars() {
    }

    public static double erf(double x) {
        return SpecialFunctions.erf(x);
    }

    public static double asinh(double x) {
        return SpecialFunctions.asinh(x);
    }

    public static double acosh(double x) {
        return SpecialFunctions.acosh(x);
    }

    public static double atanh(double x) {
        return SpecialFunctions.atanh(x);
    }

    public static double softplus(double x) {
        return SpecialFunctions.softplus(x);
    }

    public static double pow(double x, double y) {
        return SpecialFunctions.pow(x, y);
    }

    /** ONNX integer Div: truncating, and 0 for a zero divisor (as the reference interpreter). */
    public static long div(long a, long b) {
        return b == 0 ? 0 : a / b;
    }

    public static int div(int a, int b) {
        return b == 0 ? 0 : a / b;
    }
}
