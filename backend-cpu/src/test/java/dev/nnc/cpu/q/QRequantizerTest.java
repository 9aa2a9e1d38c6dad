package dev.nnc.cpu.q;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.cpu.runtime.QRequantizer;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.Overflow;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.fixed.Rounding;
import dev.nnc.ir.type.FixedType;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bound requantizer of the q kernels gives {@code Requantizer.apply}'s raw for every input, mode, shift and type. */
class QRequantizerTest {
    @Test
    void equalsTheOneDefinition() {
        Random rnd = new Random(9);
        FixedType[] ins = {new FixedType(22, 22, true), new FixedType(37, 14, true), new FixedType(31, 5, false),
                new FixedType(64, 10, true), new FixedType(64, 3, false), new FixedType(8, 8, true)};
        FixedType[] outs = {new FixedType(8, 10, false), new FixedType(8, 3, true), new FixedType(16, 6, true),
                new FixedType(2, 1, true), new FixedType(63, 40, true), new FixedType(64, 1, true), new FixedType(1, 0, false)};
        CastMode[] modes = {CastMode.DEFAULT, CastMode.DEFAULT, CastMode.HLS4ML,
                new CastMode(Rounding.RND_INF, Overflow.SAT_SYM), new CastMode(Rounding.RND_CONV, Overflow.WRAP)};
        long checked = 0;
        for (int t = 0; t < 4000; t++) {
            FixedType in = ins[rnd.nextInt(ins.length)];
            FixedType out = outs[rnd.nextInt(outs.length)];
            long m = switch (rnd.nextInt(4)) {
                case 0 -> 1;
                case 1 -> (1L << 30) + rnd.nextInt(1 << 30);
                case 2 -> Long.MAX_VALUE - rnd.nextInt(5);
                default -> 1 + (rnd.nextLong() >>> (1 + rnd.nextInt(62)));
            };
            int shift = rnd.nextInt(10) == 0 ? -rnd.nextInt(63) : rnd.nextInt(127);
            Requantizer r = new Requantizer(m, shift, modes[rnd.nextInt(modes.length)]);
            QRequantizer q = new QRequantizer(r, in, out);
            for (int i = 0; i < 200; i++) {
                long x = raw(rnd, in, i);
                assertEquals(r.apply(x, in, out), q.apply(x), r + " " + in.spelling() + " -> " + out.spelling() + " of " + x);
                checked++;
            }
        }
        assertEquals(800_000, checked);
    }

    /** A raw of {@code t}: edges, small values, and uniform ones over its whole range. */
    private static long raw(Random rnd, FixedType t, int i) {
        int w = t.width();
        long min = t.signed() ? (w == 64 ? Long.MIN_VALUE : -(1L << (w - 1))) : 0;
        long max = w == 64 ? (t.signed() ? Long.MAX_VALUE : -1L) : t.signed() ? (1L << (w - 1)) - 1 : (1L << w) - 1;
        switch (i % 8) {
            case 0:
                return min;
            case 1:
                return max;
            default:
                long v = i % 8 == 2 ? rnd.nextInt(2049) - (t.signed() ? 1024 : 0) : rnd.nextLong();
                if (w == 64) {
                    return v;
                }
                long low = v & ((1L << w) - 1);
                return t.signed() && (low >>> (w - 1)) != 0 ? low - (1L << w) : low;
        }
    }
}
