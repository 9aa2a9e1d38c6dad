package dev.nnc.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.type.FixedType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Beats as the ports and testbench files carry them: lane i at bits [i*W +: W], hex of the port width. */
class BeatCodecTest {
    @TempDir
    Path dir;

    @Test
    void lanesPackLowFirstAndSignedLanesComeBackSignExtended() {
        BeatCodec c = BeatCodec.of(3, new FixedType(8, 3, true));
        assertEquals("0180ff", c.toHex(new long[] {-1, -128, 1}));
        assertArrayEquals(new long[] {-1, -128, 1}, c.fromHex("0180ff"));
    }

    @Test
    void unsignedAndOddWidths() {
        BeatCodec u = BeatCodec.of(2, new FixedType(5, 0, false));
        assertEquals(3, u.digits());
        assertEquals("3e1", u.toHex(new long[] {1, 31}));
        assertArrayEquals(new long[] {1, 31}, u.fromHex("3e1"));
        BeatCodec wide = BeatCodec.of(2, new FixedType(37, 14, true));
        long[] beat = {-(1L << 36), (1L << 36) - 1};
        assertArrayEquals(beat, wide.fromHex(wide.toHex(beat)));
    }

    @Test
    void testbenchOutputFileReadsIntoATrace() throws Exception {
        Path f = dir.resolve("output_y.txt");
        Files.writeString(f, "3 01ff\n5 7f80\ncycles 6\n");
        OutputTrace t = OutputTrace.read(f, "y", BeatCodec.of(2, new FixedType(8, 3, true)));
        assertEquals(6, t.cycles());
        assertEquals(2, t.trace().size());
        assertArrayEquals(new long[] {-1, 1}, t.trace().beats()[0]);
        assertArrayEquals(new long[] {3, 5}, t.trace().cycles());
        assertEquals(-1, t.trace().firstDifference(t.trace()));
    }

    @Test
    void aTruncatedOutputFileIsOneLine() throws Exception {
        Path f = dir.resolve("output_y.txt");
        Files.writeString(f, "3 01ff\n");
        NncException e = assertThrows(NncException.class, () -> OutputTrace.read(f, "y", BeatCodec.of(2, new FixedType(8, 3, true))));
        assertTrue(e.getMessage().contains("no final 'cycles <n>' line"), e.getMessage());
    }
}
