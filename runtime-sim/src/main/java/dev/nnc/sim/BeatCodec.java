package dev.nnc.sim;

import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.IntegerType;
import java.math.BigInteger;

/**
 * A beat as the RTL ports and the testbench files carry it (docs/hardware.md §4): lane i at bits
 * {@code [i*W +: W]} of {@code *_data}, raw two's complement (unsigned for ufixed), written as
 * hex digits of the whole port width, most significant first.
 */
public record BeatCodec(int lanes, int width, boolean signed) {

    public static BeatCodec of(int lanes, ElementType element) {
        if (element instanceof FixedType f) {
            return new BeatCodec(lanes, f.width(), f.signed());
        }
        if (element instanceof IntegerType i) {
            return new BeatCodec(lanes, i.width(), i.signed());
        }
        throw new IllegalArgumentException("a stream of " + element.spelling() + " has no raw integer lanes");
    }

    /** Hex digits of one beat: ⌈lanes·W / 4⌉ of them. */
    public int digits() {
        return (lanes * width + 3) / 4;
    }

    public String toHex(long[] beat) {
        BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        BigInteger word = BigInteger.ZERO;
        for (int l = lanes - 1; l >= 0; l--) {
            word = word.shiftLeft(width).or(BigInteger.valueOf(beat[l]).and(mask));
        }
        String hex = word.toString(16);
        return "0".repeat(Math.max(0, digits() - hex.length())) + hex;
    }

    /** Parses a beat; lanes of a signed type are sign-extended. Ignores x/z digits as 0 (reset). */
    public long[] fromHex(String hex) {
        BigInteger word = new BigInteger(hex.replaceAll("[xXzZ]", "0"), 16);
        long[] beat = new long[lanes];
        for (int l = 0; l < lanes; l++) {
            long raw = word.shiftRight(l * width).longValue();
            if (width < 64) {
                raw = signed ? (raw << (64 - width)) >> (64 - width) : raw & ((1L << width) - 1);
            }
            beat[l] = raw;
        }
        return beat;
    }
}
