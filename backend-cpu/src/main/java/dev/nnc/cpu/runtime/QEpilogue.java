package dev.nnc.cpu.runtime;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.type.FixedType;

/**
 * How a fixed-point dot product becomes the stored result, as the interpreter defines it
 * ({@code FixedLinear}, {@code FixedWindowKernels}): the exact accumulator, shifted left by
 * {@code accShift} to the fractional bits of the exact sum with the bias (the bias arrives
 * pre-aligned); then either the requantizers of a {@code q.requantize} that consumed the layer
 * (one per tensor, or one per output channel: per row, or per column with {@code perColumn}), or
 * one cast by {@code mode} from {@code exact} to {@code out} (none when they are equal): the
 * project default for the op's own declared type, or a consuming {@code q.cast}'s mode.
 *
 * {@code intAcc}: accumulate in int: the operands are int arrays and every exact dot product fits
 * an int, so int arithmetic (exact modulo 2^32) gives it exactly.
 */
public final class QEpilogue {
    private final int accShift;
    private final FixedType exact;
    private final FixedType out;
    private final boolean intAcc;
    private final QRequantizer[] requantizers;
    private final boolean perColumn;
    private final CastMode mode;

    public QEpilogue(int accShift, FixedType exact, FixedType out, boolean intAcc, Requantizer[] requantizers,
                     boolean perColumn, CastMode mode) {
        this.accShift = accShift;
        this.exact = exact;
        this.out = out;
        this.intAcc = intAcc;
        this.perColumn = perColumn;
        this.mode = mode;
        if (requantizers == null) {
            this.requantizers = null;
        } else {
            this.requantizers = new QRequantizer[requantizers.length];
            for (int i = 0; i < requantizers.length; i++) {
                this.requantizers[i] = new QRequantizer(requantizers[i], exact, out);
            }
        }
    }

    /** A layer that stores its own declared type (cast with the project default when it is not the exact type). */
    public QEpilogue(int accShift, FixedType exact, FixedType out, boolean intAcc) {
        this(accShift, exact, out, intAcc, null, false, CastMode.DEFAULT);
    }

    int accShift() {
        return accShift;
    }

    boolean intAcc() {
        return intAcc;
    }

    /** True when the exact value is stored as it is. */
    boolean exactOut() {
        return requantizers == null && exact.equals(out);
    }

    /** The result raw of the exact value v at row {@code row} (counting from the channel offset) and column {@code col}. */
    long finish(long v, int row, int col) {
        if (requantizers != null) {
            QRequantizer r = requantizers.length == 1 ? requantizers[0] : requantizers[perColumn ? col : row];
            return r.apply(v);
        }
        return FixedCast.cast(v, exact, out, mode);
    }
}
