package dev.nnc.cpu.runtime;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.type.FixedType;

/**
 * How a fixed-point dot product becomes the op's result, as the interpreter defines it
 * ({@code FixedLinear}, {@code FixedWindowKernels}): the exact accumulator, shifted left by
 * {@code accShift} to the fractional bits of the exact sum with the bias (the bias arrives
 * pre-aligned), then one cast with the project default mode from {@code exact} to the declared
 * type {@code out} (none when they are equal, which is what {@code nnc quantize} declares).
 *
 * @param intAcc accumulate in int: the operands are int arrays and every exact dot product fits
 *               an int, so int arithmetic (exact modulo 2^32) gives it exactly
 */
public record QEpilogue(int accShift, FixedType exact, FixedType out, boolean intAcc) {
    /** The result raw of one exact dot product and its aligned bias (0 without bias). */
    long finish(long acc, long alignedBias) {
        long v = (acc << accShift) + alignedBias;
        return exact.equals(out) ? v : FixedCast.cast(v, exact, out, CastMode.DEFAULT);
    }
}
