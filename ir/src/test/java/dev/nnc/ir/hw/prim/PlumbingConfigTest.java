package dev.nnc.ir.hw.prim;

import static dev.nnc.ir.hw.prim.SwgSoftmaxConfigTest.ops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import org.junit.jupiter.api.Test;

/** FifoConfig, ForkConfig and DwcConfig.from read hw.fifo, hw.fork and hw.dwc as docs/hardware.md §3 names them. */
class PlumbingConfigTest {
    private static final String ARG = "tensor<1x12xfixed<8,3>>";
    private static final String SRC = "    %s0 = \"hw.source\"(%x) <{perm = [0, 1]}> : (" + ARG + ") -> ";

    private static Operation op(String inStream, String line, String name) {
        return ops(ARG, SRC + inStream + "\n    " + line + " loc(\"n1\")\n", name).get(0);
    }

    @Test
    void fifoDepthAndStream() {
        String s = "!hw.stream<2xufixed<6,2>>";
        assertEquals(new FifoConfig(2, 6, false, 37),
                FifoConfig.from(op(s, "%s1 = \"hw.fifo\"(%s0) <{depth = 37}> : (" + s + ") -> " + s, "hw.fifo")));
        assertEquals(new FifoConfig(2, 6, false, 2),
                FifoConfig.from(op(s, "%s1 = \"hw.fifo\"(%s0) : (" + s + ") -> " + s, "hw.fifo")));
        NncException e = assertThrows(NncException.class, () -> FifoConfig.from(
                op(s, "%s1 = \"hw.fifo\"(%s0) <{depth = 0}> : (" + s + ") -> " + s, "hw.fifo")));
        assertTrue(e.oneLine().contains("n1") && e.oneLine().contains("hw.fifo: depth 0"), e.oneLine());
    }

    @Test
    void forkStream() {
        String s = "!hw.stream<3xfixed<8,3>>";
        assertEquals(new ForkConfig(3, 8, true), ForkConfig.from(op(s,
                "%a, %b = \"hw.fork\"(%s0) : (" + s + ") -> (" + s + ", " + s + ")", "hw.fork")));
        NncException e = assertThrows(NncException.class, () -> ForkConfig.from(op(s,
                "%a, %b = \"hw.fork\"(%s0) : (" + s + ") -> (" + s + ", !hw.stream<1xfixed<8,3>>)", "hw.fork")));
        assertTrue(e.oneLine().contains("hw.fork: result #1"), e.oneLine());
    }

    @Test
    void dwcLanes() {
        String in = "!hw.stream<2xfixed<8,3>>";
        DwcConfig up = DwcConfig.from(op(in, "%s1 = \"hw.dwc\"(%s0) : (" + in + ") -> !hw.stream<6xfixed<8,3>>", "hw.dwc"));
        assertEquals(new DwcConfig(2, 6, 8, true), up);
        assertTrue(up.up());
        assertEquals(3, up.ratio());
        DwcConfig down = DwcConfig.from(op(in, "%s1 = \"hw.dwc\"(%s0) : (" + in + ") -> !hw.stream<1xfixed<8,3>>", "hw.dwc"));
        assertEquals(2, down.ratio());
        NncException odd = assertThrows(NncException.class, () -> DwcConfig.from(
                op(in, "%s1 = \"hw.dwc\"(%s0) : (" + in + ") -> !hw.stream<3xfixed<8,3>>", "hw.dwc")));
        assertTrue(odd.oneLine().contains("hw.dwc: lane counts 2 and 3"), odd.oneLine());
        NncException type = assertThrows(NncException.class, () -> DwcConfig.from(
                op(in, "%s1 = \"hw.dwc\"(%s0) : (" + in + ") -> !hw.stream<4xfixed<8,4>>", "hw.dwc")));
        assertTrue(type.oneLine().contains("converts lanes, not types"), type.oneLine());
    }
}
