package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.hls.prim.PoolInstance;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.hw.prim.PoolConfig;
import dev.nnc.ir.hw.prim.PoolKind;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.prim.PoolModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * nnc_pool against PoolModel: identical transfer traces under random valid gaps and
 * back-pressure, and output beats equal to the window max (cast to the output type) or the exact
 * window sum requantised by (M, s), computed directly through dev.nnc.ir.fixed.
 */
class PoolCosimTest {

    static List<long[]> inputs(PoolConfig cfg, int vectors, long seed) {
        Random r = new Random(seed);
        List<long[]> beats = new ArrayList<>();
        for (int i = 0; i < vectors * cfg.window() * cfg.cf(); i++) {
            long[] b = new long[cfg.simd()];
            for (int s = 0; s < b.length; s++) {
                b[s] = MvauCosimTest.randomRaw(r, cfg.inType());
            }
            beats.add(b);
        }
        return beats;
    }

    /** The reference per vector: channel c of window element k is lane c%SIMD of beat k*CF + c/SIMD. */
    static List<long[]> reference(PoolConfig cfg, List<long[]> in) {
        int per = cfg.window() * cfg.cf();
        FixedType sumType = FixedRules.accumulator(cfg.inType(), cfg.window());
        List<long[]> out = new ArrayList<>();
        for (int v = 0; v < in.size() / per; v++) {
            for (int cf = 0; cf < cfg.cf(); cf++) {
                long[] beat = new long[cfg.simd()];
                for (int s = 0; s < cfg.simd(); s++) {
                    long max = Long.MIN_VALUE;
                    long sum = 0;
                    for (int k = 0; k < cfg.window(); k++) {
                        long x = in.get(v * per + k * cfg.cf() + cf)[s];
                        max = Math.max(max, x);
                        sum += x;
                    }
                    beat[s] = cfg.kind() == PoolKind.MAX
                            ? FixedCast.cast(max, cfg.inType(), cfg.outType(), CastMode.DEFAULT)
                            : new Requantizer(cfg.multiplier(), cfg.shift(), CastMode.DEFAULT).apply(sum, sumType, cfg.outType());
                }
                out.add(beat);
            }
        }
        return out;
    }

    private static void check(String name, PoolConfig cfg, int vectors, long seed) {
        StreamPort inPort = new StreamPort(cfg.simd(), cfg.inType().width(), cfg.inType().signed());
        StreamPort outPort = new StreamPort(cfg.simd(), cfg.outType().width(), cfg.outType().signed());
        PoolInstance inst = new PoolInstance(cfg);
        List<long[]> in = inputs(cfg, vectors, seed);
        List<long[]> expected = reference(cfg, in);
        Path dir = Path.of("target", "cosim", name);
        PrimitiveCosim.lint(inst, dir);
        List<List<long[]>> out = PrimitiveCosim.of(inst, new PoolModel(cfg)).input(inPort, in)
                .output(outPort, expected.size()).seed(seed).densities(0.7, 0.5).run(dir);
        FifoCosimTest.assertBeatsEqual(expected, out.get(0));
    }

    /** 2x2 max pool of 4 channels in 2 lanes, cast to a narrower output (rounds, saturates). */
    @Test
    void maxWithCast() {
        check("pool-max", PoolConfig.max(4, 4, 2, new FixedType(8, 3, true), new FixedType(6, 3, true)), 15, 31);
    }

    /** 3x3 average of unsigned inputs: exact sum times a 22-bit M, serial lanes. */
    @Test
    void averageUnsigned() {
        // mean of 9 raws with F = 4 into F = 3: scale 1/18
        Requantizer rq = Requantizer.fromScale(1.0 / 18, 22, CastMode.DEFAULT);
        check("pool-avg", new PoolConfig(PoolKind.AVG, 3, 9, 1, new FixedType(6, 2, false), new FixedType(5, 2, false),
                rq.multiplier(), rq.shift()), 6, 32);
    }

    /** Model alone at full rate: one input beat per cycle, the last output one cycle after the last input. */
    @Test
    void modelFullThroughput() {
        PoolConfig cfg = PoolConfig.max(4, 4, 2, new FixedType(8, 3, true), new FixedType(8, 3, true));
        StreamPort port = new StreamPort(2, 8, true);
        List<long[]> in = inputs(cfg, 5, 3);
        PrimitiveCosim.Trace t = PrimitiveCosim.of(new PoolInstance(cfg), new PoolModel(cfg)).input(port, in)
                .output(port, 5 * cfg.cf()).densities(1, 1).runModel();
        String lastOut = t.lines().stream().filter(l -> l.contains(" out ")).reduce((a, b) -> b).orElseThrow();
        assertEquals(in.size(), Long.parseLong(lastOut.split(" ")[0]), lastOut);
        FifoCosimTest.assertBeatsEqual(reference(cfg, in), t.outputs().get(0));
    }
}
