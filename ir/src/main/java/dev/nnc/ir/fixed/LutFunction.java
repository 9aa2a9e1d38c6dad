package dev.nnc.ir.fixed;

import java.util.function.DoubleUnaryOperator;

/**
 * The functions nnc evaluates by lookup table, each with its default table: size and input
 * range [lo, hi). The defaults follow hls4ml's tables (1024 entries; sigmoid over [−8, 8),
 * tanh over [−4, 4)); exp covers [−8, 8) and reciprocal [0, 64).
 */
public enum LutFunction {
    SIGMOID(x -> 1 / (1 + Math.exp(-x)), -8, 8),
    TANH(Math::tanh, -4, 4),
    EXP(Math::exp, -8, 8),
    RECIPROCAL(x -> 1 / x, 0, 64);

    /** log2 of the default table size: 1024 entries. */
    public static final int DEFAULT_LOG2_SIZE = 10;

    private final DoubleUnaryOperator f;
    private final double lo;
    private final double hi;

    LutFunction(DoubleUnaryOperator f, double lo, double hi) {
        this.f = f;
        this.lo = lo;
        this.hi = hi;
    }

    public double apply(double x) {
        return f.applyAsDouble(x);
    }

    public double defaultLo() {
        return lo;
    }

    public double defaultHi() {
        return hi;
    }

    public static LutFunction parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
