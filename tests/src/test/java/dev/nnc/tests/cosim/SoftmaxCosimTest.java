package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.hls.prim.SoftmaxInstance;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedSoftmax;
import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.fixed.LutFunction;
import dev.nnc.ir.hw.prim.SoftmaxConfig;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.prim.SoftmaxModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * nnc_softmax against SoftmaxModel: identical transfer traces under random valid gaps and
 * back-pressure, and the output equal to q.softmax's definition ({@link FixedSoftmax#apply}).
 */
class SoftmaxCosimTest {

    static SoftmaxConfig config(int n, FixedType in, FixedType expType, int expLog2, double expLo, double expHi,
                                FixedType recipIn, FixedType recipType, int recLog2, FixedType out) {
        LookupTable exp = new LookupTable(LutFunction.EXP, FixedSoftmax.differenceType(in), expType, expLog2, expLo, expHi,
                CastMode.DEFAULT);
        LookupTable rec = new LookupTable(LutFunction.RECIPROCAL, recipIn, recipType, recLog2, 0, 64, CastMode.DEFAULT);
        return new SoftmaxConfig(n, 1, new FixedSoftmax(in, exp, recipIn, rec, out));
    }

    private static PrimitiveCosim.Trace check(String name, SoftmaxConfig c, int vectors, long seed, double valid, double ready) {
        StreamPort in = new StreamPort(1, c.input().width(), c.input().signed());
        StreamPort out = new StreamPort(1, c.output().width(), c.output().signed());
        SoftmaxInstance inst = new SoftmaxInstance(c);
        List<long[]> beats = SwgCosimTest.randomBeats(in, vectors * c.n(), seed);
        long[] x = new long[beats.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = beats.get(i)[0];
        }
        long[] y = c.softmax().apply(x, c.n());
        Path dir = Path.of("target", "cosim", name);
        PrimitiveCosim.lint(inst, dir);
        PrimitiveCosim.Trace t = PrimitiveCosim.of(inst, new SoftmaxModel(c)).input(in, beats)
                .output(out, y.length).seed(seed).densities(valid, ready).runBoth(dir);
        List<long[]> got = t.outputs().get(0);
        assertEquals(y.length, got.size(), "output beats");
        for (int i = 0; i < y.length; i++) {
            assertArrayEquals(new long[] {y[i]}, got.get(i), "element " + i);
        }
        return t;
    }

    /** jet_tagger's shape: 5 classes, the q.softmax defaults (1024-entry tables), full throughput. */
    @Test
    void fiveClassesDefaultsFullThroughput() {
        SoftmaxConfig c = config(5, new FixedType(16, 6, true), new FixedType(16, 1, false), 10, -8, 0,
                new FixedType(16, 7, false), new FixedType(16, 1, false), 10, new FixedType(16, 6, true));
        PrimitiveCosim.Trace t = check("softmax-5", c, 4, 31, 1.0, 1.0);
        List<Long> outCycles = new ArrayList<>();
        for (String line : t.lines()) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[1].equals("out")) {
                outCycles.add(Long.parseLong(f[0]));
            }
        }
        assertEquals(c.latency() - 1, outCycles.get(4), "latency of vector 1");
        assertEquals(c.cyclesPerFrame(), (outCycles.get(19) - outCycles.get(4)) / 3, "II");
    }

    /** Ten classes, unsigned input and output, small tables, a left-shifting sum cast, random gaps and back-pressure. */
    @Test
    void tenClassesSmallTablesBackPressure() {
        SoftmaxConfig c = config(10, new FixedType(8, 3, false), new FixedType(8, 1, false), 6, -8, 8,
                new FixedType(12, 4, false), new FixedType(8, 1, false), 6, new FixedType(8, 0, false));
        check("softmax-10", c, 5, 32, 0.6, 0.5);
    }
}
