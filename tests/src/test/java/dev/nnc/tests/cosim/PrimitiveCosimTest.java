package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.hls.prim.FifoInstance;
import dev.nnc.hls.prim.PrimitiveInstance;
import dev.nnc.ir.hw.prim.FifoConfig;
import dev.nnc.sim.prim.FifoModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The harness itself: beat packing, the input policy, and that it catches a model that is one cycle off. */
class PrimitiveCosimTest {

    @Test
    void packsLanesLowFirstAndSignExtends() {
        StreamPort p = new StreamPort(3, 5, true);
        assertEquals("7c1f", p.hex(new long[] {-1, 0, -1}));
        assertArrayEquals(new long[] {-1, 0, -1}, p.parse("7c1f"));
        StreamPort u = new StreamPort(2, 64, false);
        long[] b = {-1L, 5};
        assertEquals("0000000000000005ffffffffffffffff", u.hex(b));
        assertArrayEquals(b, u.parse(u.hex(b)));
        assertThrows(IllegalArgumentException.class, () -> p.parse("x1f"));
    }

    /** Valid, once raised, stays high until the beat is taken even when the pattern bit drops. */
    @Test
    void validHeldUntilTaken() {
        FifoConfig cfg = new FifoConfig(1, 4, false, 1);
        StreamPort port = new StreamPort(1, 4, false);
        List<long[]> in = List.of(new long[] {1}, new long[] {2}, new long[] {3});
        PrimitiveCosim.Trace t = PrimitiveCosim.of(new FifoInstance(cfg), new FifoModel(cfg)).input(port, in)
                .output(port, 3).seed(3).densities(0.5, 0.3).runModel();
        assertEquals(3, t.outputs().get(0).size());
        assertTrue(t.lines().get(t.lines().size() - 1).startsWith("end "));
    }

    /** A model of the wrong depth (1 where the RTL has 2) must fail with the first differing line. */
    @Test
    void reportsFirstDifference() {
        PrimitiveCosim.requireVerilator();
        FifoConfig cfg = new FifoConfig(1, 8, true, 2);
        StreamPort port = new StreamPort(1, 8, true);
        List<long[]> in = FifoCosimTest.randomBeats(port, 20, 5);
        FifoModel wrong = new FifoModel(new FifoConfig(1, 8, true, 1));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () ->
                PrimitiveCosim.of(new FifoInstance(cfg), wrong).input(port, in).output(port, 20)
                        .seed(5).densities(1, 1).run(Path.of("target", "cosim", "harness-negative")));
        assertTrue(e.getMessage().contains("traces differ at line 2"), e.getMessage());
    }

    /** A primitive with a combinational path from an input to an output fails the Moore check. */
    @Test
    void reportsMealyOutputs() throws Exception {
        PrimitiveCosim.requireVerilator();
        FifoConfig cfg = new FifoConfig(1, 8, true, 2);
        StreamPort port = new StreamPort(1, 8, true);
        PrimitiveInstance wire = new PrimitiveInstance() {
            public String module() {
                return "nnc_test_wire";
            }

            public List<String> sources() {
                return List.of("nnc_test_wire.sv");
            }

            public Map<String, String> parameters(String instanceName) {
                return Map.of("WIDTH", "8");
            }

            public Map<String, List<String>> memoryFiles() {
                return Map.of();
            }
        };
        Path dir = Path.of("target", "cosim", "harness-mealy");
        assertThrows(AssertionFailedError.class, () -> PrimitiveCosim.of(wire, new FifoModel(cfg))
                .input(port, FifoCosimTest.randomBeats(port, 10, 6)).output(port, 10).seed(6).run(dir));
        String trace = Files.readString(dir.resolve("run0").resolve("trace.txt"));
        assertTrue(trace.contains("moore violation: in_ready follows an input"), trace);
        assertTrue(trace.contains("moore violation: out_valid/out_data follow an input"), trace);
    }
}
