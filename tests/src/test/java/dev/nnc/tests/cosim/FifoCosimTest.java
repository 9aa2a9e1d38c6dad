package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.hls.prim.FifoInstance;
import dev.nnc.ir.hw.prim.FifoConfig;
import dev.nnc.sim.prim.FifoModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** nnc_fifo against FifoModel: identical transfer traces, beats out in the order they went in. */
class FifoCosimTest {

    static List<long[]> randomBeats(StreamPort port, int n, long seed) {
        Random r = new Random(seed);
        List<long[]> beats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] b = new long[port.lanes()];
            for (int l = 0; l < b.length; l++) {
                b[l] = port.wrap(r.nextLong());
            }
            beats.add(b);
        }
        return beats;
    }

    static void assertBeatsEqual(List<long[]> expected, List<long[]> actual) {
        assertEquals(expected.size(), actual.size(), "beat count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "beat " + i);
        }
    }

    private static void check(String name, FifoConfig cfg, int beats, long seed, double valid, double ready) {
        StreamPort port = new StreamPort(cfg.lanes(), cfg.elemWidth(), cfg.signed());
        FifoInstance inst = new FifoInstance(cfg);
        List<long[]> in = randomBeats(port, beats, seed);
        Path dir = Path.of("target", "cosim", name);
        PrimitiveCosim.lint(inst, dir);
        List<List<long[]>> out = PrimitiveCosim.of(inst, new FifoModel(cfg)).input(port, in)
                .output(port, beats).seed(seed).densities(valid, ready).run(dir);
        assertBeatsEqual(in, out.get(0));
    }

    @Test
    void depthOneAlternates() {
        check("fifo-d1", new FifoConfig(1, 8, true, 1), 60, 11, 0.7, 0.6);
    }

    @Test
    void depthTwoUnsignedLanes() {
        check("fifo-d2", new FifoConfig(3, 5, false, 2), 120, 12, 0.6, 0.5);
    }

    @Test
    void depth37RamFillsUnderBackPressure() {
        check("fifo-d37", new FifoConfig(2, 16, true, 37), 200, 13, 0.9, 0.3);
    }

    /** From depth 64 the RAM has its own read register (block-RAM style); same behaviour. */
    @Test
    void depth70BlockRamStyle() {
        check("fifo-d70", new FifoConfig(1, 12, false, 70), 260, 14, 0.95, 0.25);
    }

    /** Model alone: depth 2 sustains one beat per cycle; depth 1 one beat every two cycles. */
    @Test
    void modelThroughput() {
        for (int depth : new int[] {1, 2}) {
            FifoConfig cfg = new FifoConfig(1, 8, true, depth);
            StreamPort port = new StreamPort(1, 8, true);
            PrimitiveCosim.Trace t = PrimitiveCosim.of(new FifoInstance(cfg), new FifoModel(cfg))
                    .input(port, randomBeats(port, 10, 1)).output(port, 10).densities(1, 1).runModel();
            // first beat in at cycle 0, out at 1; the last of 10 out at 10 (depth 2) or 19 (depth 1)
            List<Long> out = t.cycles("out");
            assertEquals(1L, out.get(0));
            assertEquals(depth == 2 ? 10L : 19L, out.get(9), "depth " + depth + ": " + out);
        }
    }
}
