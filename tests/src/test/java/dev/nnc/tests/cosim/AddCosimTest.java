package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.hls.prim.AddInstance;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.hw.prim.AddConfig;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.prim.AddModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * nnc_add against AddModel: identical transfer traces with independent random valid gaps on the
 * two inputs (either may run ahead) and back-pressure, and output beats equal to the exact sum
 * (FixedRules.sum) cast once to the output type.
 */
class AddCosimTest {

    static List<long[]> beats(int n, int lanes, FixedType t, Random r) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] b = new long[lanes];
            for (int s = 0; s < lanes; s++) {
                b[s] = MvauCosimTest.randomRaw(r, t);
            }
            out.add(b);
        }
        return out;
    }

    static List<long[]> reference(AddConfig cfg, List<long[]> a, List<long[]> b) {
        FixedType sum = FixedRules.sum(cfg.aType(), cfg.bType());
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            long[] y = new long[cfg.simd()];
            for (int s = 0; s < y.length; s++) {
                long exact = FixedRules.align(a.get(i)[s], cfg.aType(), sum.fractionBits())
                        + FixedRules.align(b.get(i)[s], cfg.bType(), sum.fractionBits());
                y[s] = FixedCast.cast(exact, sum, cfg.outType(), cfg.mode());
            }
            out.add(y);
        }
        return out;
    }

    private static PrimitiveCosim cosim(AddConfig cfg, List<long[]> a, List<long[]> b) {
        return PrimitiveCosim.of(new AddInstance(cfg), new AddModel(cfg))
                .input(new StreamPort(cfg.simd(), cfg.aType().width(), cfg.aType().signed()), a)
                .input(new StreamPort(cfg.simd(), cfg.bType().width(), cfg.bType().signed()), b)
                .output(new StreamPort(cfg.simd(), cfg.outType().width(), cfg.outType().signed()), a.size());
    }

    private static void check(String name, AddConfig cfg, int n, long seed, double valid, double ready) {
        Random r = new Random(seed);
        List<long[]> a = beats(n, cfg.simd(), cfg.aType(), r);
        List<long[]> b = beats(n, cfg.simd(), cfg.bType(), r);
        Path dir = Path.of("target", "cosim", name);
        PrimitiveCosim.lint(new AddInstance(cfg), dir);
        List<List<long[]>> out = cosim(cfg, a, b).seed(seed).densities(valid, ready).run(dir);
        FifoCosimTest.assertBeatsEqual(reference(cfg, a, b), out.get(0));
    }

    /** Different formats aligned (b shifted left), cast to a coarser output: ties to even, saturate. */
    @Test
    void alignedSumRoundsAndSaturates() {
        check("add-default", new AddConfig(2, new FixedType(8, 3, true), new FixedType(6, 3, true),
                new FixedType(7, 3, true), CastMode.DEFAULT), 80, 41, 0.5, 0.7);
    }

    /** Unsigned plus signed into a finer output (left shift), truncate + wrap, 3 lanes. */
    @Test
    void unsignedPlusSignedWraps() {
        check("add-wrap", new AddConfig(3, new FixedType(5, 2, false), new FixedType(6, 4, true),
                new FixedType(6, 1, true), CastMode.HLS4ML), 60, 42, 0.8, 0.5);
    }

    /** Model alone at full rate: one beat per cycle, the last out two cycles after the last in. */
    @Test
    void modelFullThroughput() {
        AddConfig cfg = new AddConfig(1, new FixedType(8, 3, true), new FixedType(8, 3, true),
                new FixedType(8, 3, true), CastMode.DEFAULT);
        Random r = new Random(5);
        List<long[]> a = beats(20, 1, cfg.aType(), r);
        List<long[]> b = beats(20, 1, cfg.bType(), r);
        PrimitiveCosim.Trace t = cosim(cfg, a, b).densities(1, 1).runModel();
        String lastOut = t.lines().stream().filter(l -> l.contains(" out ")).reduce((x, y) -> y).orElseThrow();
        assertEquals(21, Long.parseLong(lastOut.split(" ")[0]), lastOut);
        FifoCosimTest.assertBeatsEqual(reference(cfg, a, b), t.outputs().get(0));
    }
}
