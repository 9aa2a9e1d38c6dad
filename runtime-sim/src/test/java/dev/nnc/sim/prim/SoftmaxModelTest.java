package dev.nnc.sim.prim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.fixed.FixedSoftmax;
import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.fixed.LutFunction;
import dev.nnc.ir.hw.prim.SoftmaxConfig;
import dev.nnc.ir.type.FixedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The softmax cycle model alone: values against the steps of docs/hardware.md §1, and its cycles. */
class SoftmaxModelTest {

    static SoftmaxConfig config(int n, FixedType in, FixedType out) {
        LookupTable exp = new LookupTable(LutFunction.EXP, FixedRules.difference(in, in), new FixedType(16, 1, false),
                10, -8, 0, CastMode.DEFAULT);
        FixedType recipIn = new FixedType(16, 7, false);
        LookupTable rec = new LookupTable(LutFunction.RECIPROCAL, recipIn, new FixedType(16, 1, false),
                10, 0, 64, CastMode.DEFAULT);
        return new SoftmaxConfig(n, 1, new FixedSoftmax(in, exp, recipIn, rec, out));
    }

    /** The reference: q.softmax's own definition (FixedSoftmax), on one vector. */
    static long[] reference(SoftmaxConfig c, long[] x) {
        return c.softmax().apply(x, x.length);
    }

    private static void check(SoftmaxConfig c, int frames, long seed) {
        Random rnd = new Random(seed);
        FixedType in = c.input();
        List<long[]> beats = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            long[] x = new long[c.n()];
            for (int i = 0; i < x.length; i++) {
                long span = 1L << Math.min(in.width(), 12);
                x[i] = in.signed() ? rnd.nextLong(span) - span / 2 : rnd.nextLong(span);
                beats.add(new long[] {x[i]});
            }
            for (long y : reference(c, x)) {
                expected.add(new long[] {y});
            }
        }
        for (boolean gaps : new boolean[] {false, true}) {
            StreamDriver.Result r = StreamDriver.run(new SoftmaxModel(c), beats, expected.size(), gaps, seed, 1_000_000L);
            assertEquals(expected.size(), r.beats().size(), "output beats");
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), r.beats().get(i), "beat " + i);
            }
            StreamDriver.Result skipping = StreamDriver.run(new SoftmaxModel(c), beats, expected.size(), gaps, seed, 1_000_000L, true);
            assertTrue(r.cycles().equals(skipping.cycles()), "skipping idle clocks changes no output cycle");
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), skipping.beats().get(i), "beat " + i + " (idle clocks skipped)");
            }
            if (!gaps) {
                int n = c.n();
                assertEquals(c.latency() - 1, r.cycles().get(n - 1), "latency");
                long ii = (r.cycles().get(frames * n - 1) - r.cycles().get(n - 1)) / (frames - 1);
                assertEquals(c.cyclesPerFrame(), ii, "initiation interval");
            }
        }
    }

    @Test
    void jetTaggerFive() {
        check(config(5, new FixedType(16, 6, true), new FixedType(16, 6, true)), 6, 1);
    }

    @Test
    void tenClassesUnsignedInput() {
        check(config(10, new FixedType(12, 4, false), new FixedType(18, 2, false)), 5, 2);
    }

    @Test
    void oneElementIsOne() {
        SoftmaxConfig c = config(1, new FixedType(12, 3, true), new FixedType(16, 6, true));
        long[] y = reference(c, new long[] {17});
        assertTrue(Math.abs(FixedCast.toDouble(y[0], c.output()) - 1.0) < 0.05, "softmax of one element ~ 1 (reciprocal bins of 1/16 near 1)");
        check(c, 4, 3);
    }
}
