package dev.nnc.tests.cosim;

import java.util.Random;

/**
 * When the testbench offers input beats and accepts output beats, cycle by cycle: one bit per
 * cycle per port from a seeded generator, the same bits for Verilator (written to pattern files)
 * and for the Java model. Past the end of the pattern every bit is 1, so every run drains.
 *
 * <p>Input rule (AXI-stream): at cycle c input k is valid when beats remain and either its
 * pattern bit is 1 or it was valid at c-1 without being taken; once raised, valid holds until the
 * beat transfers. Output o is ready at cycle c when its pattern bit is 1.
 */
public record HandshakePolicy(boolean[][] valid, boolean[][] ready, int length) {

    /**
     * Random patterns of {@code length} cycles: valid bits are 1 with probability
     * {@code validDensity}, ready bits with {@code readyDensity}.
     */
    public static HandshakePolicy random(long seed, int inputs, int outputs, int length,
                                         double validDensity, double readyDensity) {
        Random r = new Random(seed);
        boolean[][] v = new boolean[inputs][length];
        boolean[][] rd = new boolean[outputs][length];
        for (int c = 0; c < length; c++) {
            for (int k = 0; k < inputs; k++) {
                v[k][c] = r.nextDouble() < validDensity;
            }
            for (int o = 0; o < outputs; o++) {
                rd[o][c] = r.nextDouble() < readyDensity;
            }
        }
        return new HandshakePolicy(v, rd, length);
    }

    /** The pattern bit of input {@code k} at cycle {@code c}. */
    public boolean validBit(int k, long c) {
        return c >= length || valid[k][(int) c];
    }

    /** Whether output {@code o} is ready at cycle {@code c}. */
    public boolean readyBit(int o, long c) {
        return c >= length || ready[o][(int) c];
    }

    /** A pattern as the text {@code $readmemb} reads: one bit per line. */
    static String patternFile(boolean[] bits) {
        StringBuilder sb = new StringBuilder(bits.length * 2);
        for (boolean b : bits) {
            sb.append(b ? '1' : '0').append('\n');
        }
        return sb.toString();
    }
}
