package dev.nnc.tests.cosim;

import static dev.nnc.tests.cosim.FifoCosimTest.assertBeatsEqual;
import static dev.nnc.tests.cosim.FifoCosimTest.randomBeats;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.hls.prim.DwcInstance;
import dev.nnc.ir.hw.prim.DwcConfig;
import dev.nnc.sim.prim.DwcModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nnc_dwc against DwcModel: identical traces, the element sequence regrouped unchanged. */
class DwcCosimTest {

    /** The reference: the same elements in the same order, {@code lanes} per beat. */
    static List<long[]> regroup(List<long[]> beats, int lanes) {
        List<Long> elems = new ArrayList<>();
        for (long[] b : beats) {
            for (long e : b) {
                elems.add(e);
            }
        }
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i + lanes <= elems.size(); i += lanes) {
            long[] b = new long[lanes];
            for (int l = 0; l < lanes; l++) {
                b[l] = elems.get(i + l);
            }
            out.add(b);
        }
        return out;
    }

    private static void check(String name, DwcConfig cfg, int inBeats, long seed, double valid, double ready) {
        StreamPort in = new StreamPort(cfg.inLanes(), cfg.elemWidth(), cfg.signed());
        StreamPort out = new StreamPort(cfg.outLanes(), cfg.elemWidth(), cfg.signed());
        DwcInstance inst = new DwcInstance(cfg);
        List<long[]> beats = randomBeats(in, inBeats, seed);
        List<long[]> expected = regroup(beats, cfg.outLanes());
        Path dir = Path.of("target", "cosim", name);
        PrimitiveCosim.lint(inst, dir);
        List<List<long[]>> got = PrimitiveCosim.of(inst, new DwcModel(cfg)).input(in, beats)
                .output(out, expected.size()).seed(seed).densities(valid, ready).run(dir);
        assertBeatsEqual(expected, got.get(0));
    }

    @Test
    void gatherOneToFour() {
        check("dwc-1to4", new DwcConfig(1, 4, 8, true), 160, 31, 0.7, 0.3);
    }

    @Test
    void gatherTwoToSixUnsigned() {
        check("dwc-2to6", new DwcConfig(2, 6, 5, false), 150, 32, 0.6, 0.5);
    }

    @Test
    void splitSixToTwo() {
        check("dwc-6to2", new DwcConfig(6, 2, 7, true), 50, 33, 0.4, 0.8);
    }

    /** Model alone, full-throughput policy: up takes one input per cycle, down sends one output per cycle. */
    @Test
    void modelFullThroughput() {
        int[][] cases = {{1, 4, 12, 12}, {4, 1, 3, 12}, {3, 3, 12, 12}};
        for (int[] c : cases) {
            DwcConfig cfg = new DwcConfig(c[0], c[1], 6, true);
            StreamPort in = new StreamPort(c[0], 6, true);
            StreamPort out = new StreamPort(c[1], 6, true);
            PrimitiveCosim.Trace t = PrimitiveCosim.of(new DwcInstance(cfg), new DwcModel(cfg))
                    .input(in, randomBeats(in, c[2], 3)).output(out, c[2] * c[0] / c[1]).densities(1, 1).runModel();
            List<Long> sent = t.cycles("out");
            // inputs at cycles 0..n-1; the last output beat leaves at cycle c[3]
            assertEquals(c[3], sent.get(sent.size() - 1), c[0] + "->" + c[1] + ": " + sent);
        }
    }
}
