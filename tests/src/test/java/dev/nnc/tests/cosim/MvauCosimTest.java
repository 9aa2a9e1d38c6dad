package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.hls.prim.MvauInstance;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.fixed.Overflow;
import dev.nnc.ir.kernel.Activation;
import dev.nnc.ir.hw.prim.MvauConfig;
import dev.nnc.ir.hw.prim.RequantStage;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.prim.MvauModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * nnc_mvau against MvauModel: identical transfer traces under random valid gaps and back-pressure,
 * and output beats equal to act(Requantizer(W·x + b)) computed directly from the config.
 */
class MvauCosimTest {

    static long randomRaw(Random r, FixedType t) {
        long v = r.nextLong();
        int w = t.width();
        long low = v & ((1L << w) - 1);
        return t.signed() && (low >>> (w - 1)) != 0 ? low - (1L << w) : low;
    }

    /** A config with random weights, bias, multipliers and shifts in [sLo, sHi]. */
    static MvauConfig random(long seed, int mw, int mh, int simd, int pe, FixedType in, FixedType w, FixedType acc,
            FixedType out, long mMax, int sLo, int sHi, CastMode mode, Activation act, long lo, long hi) {
        Random r = new Random(seed);
        long[] weights = new long[mw * mh];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = randomRaw(r, w);
        }
        long[] bias = new long[mh];
        long[] m = new long[mh];
        int[] s = new int[mh];
        for (int c = 0; c < mh; c++) {
            bias[c] = randomRaw(r, new FixedType(acc.width() - 2, 0, true));
            m[c] = 1 + (long) (r.nextDouble() * mMax);
            s[c] = sLo + r.nextInt(sHi - sLo + 1);
        }
        return new MvauConfig(mw, mh, simd, pe, in, w, acc, out, weights, bias, new RequantStage(m, s, mode), act, lo, hi);
    }

    /** Input beats of {@code vectors} random vectors, SIMD lanes each. */
    static List<long[]> inputs(MvauConfig cfg, int vectors, long seed) {
        Random r = new Random(seed);
        List<long[]> beats = new ArrayList<>();
        for (int v = 0; v < vectors * cfg.sf(); v++) {
            long[] b = new long[cfg.simd()];
            for (int s = 0; s < b.length; s++) {
                b[s] = randomRaw(r, cfg.inType());
            }
            beats.add(b);
        }
        return beats;
    }

    /** The reference: y = act(requant(W·x + b)) per vector, as PE-lane beats. */
    static List<long[]> reference(MvauConfig cfg, List<long[]> in) {
        List<long[]> out = new ArrayList<>();
        int mw = cfg.mw();
        long[] x = new long[mw];
        for (int v = 0; v < in.size() / cfg.sf(); v++) {
            for (int i = 0; i < mw; i++) {
                x[i] = in.get(v * cfg.sf() + i / cfg.simd())[i % cfg.simd()];
            }
            for (int nf = 0; nf < cfg.nf(); nf++) {
                long[] beat = new long[cfg.pe()];
                for (int p = 0; p < cfg.pe(); p++) {
                    int h = nf * cfg.pe() + p;
                    long acc = cfg.bias()[h];
                    for (int i = 0; i < mw; i++) {
                        acc += x[i] * cfg.weights()[h * mw + i];
                    }
                    Requantizer rq = new Requantizer(cfg.requant().multipliers()[h], cfg.requant().shifts()[h], cfg.requant().mode());
                    beat[p] = cfg.activation().apply(rq.apply(Overflow.wrap(acc, cfg.accType()), cfg.accType(), cfg.outType()), cfg.clipLo(), cfg.clipHi());
                }
                out.add(beat);
            }
        }
        return out;
    }

    private static void check(String name, MvauConfig cfg, int vectors, long seed) {
        StreamPort inPort = new StreamPort(cfg.simd(), cfg.inType().width(), cfg.inType().signed());
        StreamPort outPort = new StreamPort(cfg.pe(), cfg.outType().width(), cfg.outType().signed());
        MvauInstance inst = new MvauInstance(cfg);
        List<long[]> in = inputs(cfg, vectors, seed);
        List<long[]> expected = reference(cfg, in);
        Path dir = Path.of("target", "cosim", name);
        PrimitiveCosim.lint(inst, dir);
        List<List<long[]>> out = PrimitiveCosim.of(inst, new MvauModel(cfg)).input(inPort, in)
                .output(outPort, expected.size()).seed(seed).densities(0.7, 0.6).run(dir);
        FifoCosimTest.assertBeatsEqual(expected, out.get(0));
    }

    /** Folded both ways, per-channel 31-bit multipliers, ties to even + saturate, ReLU. */
    @Test
    void foldedPerChannelRelu() {
        check("mvau-folded", random(21, 6, 4, 2, 2, new FixedType(8, 3, true), new FixedType(6, 2, true),
                new FixedType(20, 11, true), new FixedType(8, 4, true), (1L << 31) - 1, 30, 36, CastMode.DEFAULT,
                Activation.RELU, 0, 0), 12, 21);
    }

    /** SIMD = PE = 1 (NF·SF steps per vector), unsigned input, left shift, truncate + wrap, clip. */
    @Test
    void serialUnsignedInputClipWrap() {
        check("mvau-serial", random(22, 5, 3, 1, 1, new FixedType(4, 1, false), new FixedType(5, 1, true),
                new FixedType(14, 5, true), new FixedType(10, 5, true), 3, -2, 1, CastMode.HLS4ML,
                Activation.CLIP, -100, 150), 10, 22);
    }

    /** Fully parallel (one beat in, one out per vector), unsigned output, shifts past the product width. */
    @Test
    void parallelUnsignedOutput() {
        check("mvau-parallel", random(23, 4, 4, 4, 4, new FixedType(8, 8, true), new FixedType(8, 8, true),
                new FixedType(20, 20, true), new FixedType(6, 3, false), 1L << 20, 18, 60, CastMode.DEFAULT,
                Activation.NONE, 0, 0), 25, 23);
    }

    /** One output beat per vector (NF = 1) from several input beats (SF = 6): the input banks alternate every vector. */
    @Test
    void singleOutputFold() {
        check("mvau-nf1", random(25, 12, 3, 2, 3, new FixedType(8, 4, false), new FixedType(8, 1, true),
                new FixedType(21, 9, true), new FixedType(8, 3, true), 1, 5, 7, CastMode.DEFAULT,
                Activation.NONE, 0, 0), 9, 25);
    }

    /** Model alone at full rate: NV vectors take NV·NF·SF cycles after the first beat arrives (cycle 0), one step per cycle. */
    @Test
    void modelFullThroughput() {
        MvauConfig cfg = random(24, 6, 4, 2, 2, new FixedType(8, 3, true), new FixedType(6, 2, true),
                new FixedType(20, 11, true), new FixedType(8, 4, true), 5, 3, 3, CastMode.DEFAULT, Activation.NONE, 0, 0);
        StreamPort inPort = new StreamPort(2, 8, true);
        StreamPort outPort = new StreamPort(2, 8, true);
        List<long[]> in = inputs(cfg, 7, 1);
        PrimitiveCosim.Trace t = PrimitiveCosim.of(new MvauInstance(cfg), new MvauModel(cfg)).input(inPort, in)
                .output(outPort, 7 * cfg.nf()).densities(1, 1).runModel();
        String lastOut = t.lines().stream().filter(l -> l.contains(" out ")).reduce((a, b) -> b).orElseThrow();
        assertEquals(7 * cfg.nf() * cfg.sf() + 1, Long.parseLong(lastOut.split(" ")[0]), lastOut);
        FifoCosimTest.assertBeatsEqual(reference(cfg, in), t.outputs().get(0));
    }
}
