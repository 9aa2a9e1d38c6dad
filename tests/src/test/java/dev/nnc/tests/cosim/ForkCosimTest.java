package dev.nnc.tests.cosim;

import static dev.nnc.tests.cosim.FifoCosimTest.assertBeatsEqual;
import static dev.nnc.tests.cosim.FifoCosimTest.randomBeats;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.hls.prim.ForkInstance;
import dev.nnc.ir.hw.prim.ForkConfig;
import dev.nnc.sim.prim.ForkModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nnc_fork against ForkModel: identical traces, both outputs carry the input stream. */
class ForkCosimTest {

    private static void check(String name, ForkConfig cfg, int beats, long seed, double valid, double ready) {
        StreamPort port = new StreamPort(cfg.lanes(), cfg.elemWidth(), cfg.signed());
        ForkInstance inst = new ForkInstance(cfg);
        List<long[]> in = randomBeats(port, beats, seed);
        Path dir = Path.of("target", "cosim", name);
        PrimitiveCosim.lint(inst, dir);
        List<List<long[]>> out = PrimitiveCosim.of(inst, new ForkModel(cfg)).input(port, in)
                .output(port, beats).output(port, beats).seed(seed).densities(valid, ready).run(dir);
        assertBeatsEqual(in, out.get(0));
        assertBeatsEqual(in, out.get(1));
    }

    @Test
    void signedScalarUnderIndependentBackPressure() {
        check("fork-1x8", new ForkConfig(1, 8, true), 120, 21, 0.8, 0.5);
    }

    @Test
    void unsignedLanes() {
        check("fork-4x3", new ForkConfig(4, 3, false), 100, 22, 0.5, 0.7);
    }

    /** Model alone: with both outputs always ready the fork passes one beat per cycle. */
    @Test
    void modelFullThroughput() {
        ForkConfig cfg = new ForkConfig(2, 4, false);
        StreamPort port = new StreamPort(2, 4, false);
        PrimitiveCosim.Trace t = PrimitiveCosim.of(new ForkInstance(cfg), new ForkModel(cfg))
                .input(port, randomBeats(port, 10, 2)).output(port, 10).output(port, 10).densities(1, 1).runModel();
        assertEquals(10L, t.cycles("out0").get(9));
        assertEquals(10L, t.cycles("out1").get(9));
    }
}
