package dev.nnc.tests.cosim;

import java.math.BigInteger;

/**
 * The shape of one stream port: {@code lanes} elements of {@code elemWidth} bits, packed with
 * lane i at bits {@code [i*W +: W]} (docs/hardware.md §4), raw two's complement when
 * {@code signed}. Converts beats between the model's {@code long[]} lanes and the hex text that
 * {@code $readmemh} reads and {@code %h} prints.
 */
public record StreamPort(int lanes, int elemWidth, boolean signed) {
    public StreamPort {
        if (lanes < 1 || elemWidth < 1 || elemWidth > 64) {
            throw new IllegalArgumentException("bad stream port " + lanes + "x" + elemWidth);
        }
    }

    /** Width of the packed {@code *_data} port in bits. */
    public int bits() {
        return lanes * elemWidth;
    }

    /** Hex digits of a packed beat, as Verilog's {@code %h} prints it (zero padded). */
    public int hexDigits() {
        return (bits() + 3) / 4;
    }

    /** The packed beat as lower-case hex of {@link #hexDigits} digits. */
    public String hex(long[] beat) {
        if (beat.length != lanes) {
            throw new IllegalArgumentException("beat has " + beat.length + " lanes, port has " + lanes);
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(elemWidth).subtract(BigInteger.ONE);
        BigInteger v = BigInteger.ZERO;
        for (int i = lanes - 1; i >= 0; i--) {
            v = v.shiftLeft(elemWidth).or(BigInteger.valueOf(beat[i]).and(mask));
        }
        String s = v.toString(16);
        return "0".repeat(Math.max(0, hexDigits() - s.length())) + s;
    }

    /** Parses a packed hex beat into lanes (sign-extended when signed); x/z digits are an error. */
    public long[] parse(String hex) {
        BigInteger v;
        try {
            v = new BigInteger(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("beat '" + hex + "' is not hex (x or z from the RTL?)");
        }
        long[] out = new long[lanes];
        BigInteger mask = BigInteger.ONE.shiftLeft(elemWidth).subtract(BigInteger.ONE);
        for (int i = 0; i < lanes; i++) {
            long raw = v.shiftRight(i * elemWidth).and(mask).longValue();
            out[i] = signed && elemWidth < 64 ? (raw << (64 - elemWidth)) >> (64 - elemWidth) : raw;
        }
        return out;
    }

    /** The raw value {@code v} wrapped to this port's element width (sign-extended when signed). */
    public long wrap(long v) {
        if (elemWidth == 64) {
            return v;
        }
        long m = v & ((1L << elemWidth) - 1);
        return signed ? (m << (64 - elemWidth)) >> (64 - elemWidth) : m;
    }
}
