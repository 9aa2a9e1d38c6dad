package dev.nnc.cpu.runtime;

/**
 * ONNX {@code Mod}'s scalar rules: {@code floor} is numpy's mod (the result takes the divisor's
 * sign), {@code fmod} is C's (the dividend's sign); an integer divisor of zero gives 0, as the
 * reference does.
 */
public final class Modulo {
    private Modulo() {
    }

    public static float floor(float a, float b) {
        return (float) floor((double) a, b);
    }

    public static double floor(double a, double b) {
        double r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) {
            r += b;
        }
        return r == 0 ? Math.copySign(0.0, b) : r;
    }

    public static long floor(long a, long b) {
        return b == 0 ? 0 : Math.floorMod(a, b);
    }

    public static int floor(int a, int b) {
        return b == 0 ? 0 : Math.floorMod(a, b);
    }

    public static float fmod(float a, float b) {
        return a % b;
    }

    public static double fmod(double a, double b) {
        return a % b;
    }

    public static long fmod(long a, long b) {
        return b == 0 ? 0 : a % b;
    }

    public static int fmod(int a, int b) {
        return b == 0 ? 0 : a % b;
    }
}
