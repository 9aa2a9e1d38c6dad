package dev.nnc.hls.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VerilogNamesTest {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    @Test
    void onnxNamesBecomeReadableIdentifiers() {
        assertEquals("features_0_Conv_output_0", VerilogNames.legal("/features/0/Conv_output_0", "x"));
        assertEquals("input_1", VerilogNames.legal("input.1", "x"));
        assertEquals("n_0", VerilogNames.legal("0", "x"));
        assertEquals("n_123abc", VerilogNames.legal("123abc", "x"));
        assertEquals("a_b", VerilogNames.legal("a__b", "x"));
    }

    @Test
    void reservedWordsOfVerilogAndVhdlAreAvoidedWhateverTheCase() {
        assertEquals("module_i", VerilogNames.legal("module", "x"));
        assertEquals("Input_i", VerilogNames.legal("Input", "x"));
        assertEquals("signal_i", VerilogNames.legal("signal", "x"));
        assertEquals("always_ff_i", VerilogNames.legal("always_ff", "x"));
    }

    @Test
    void emptyAndUnprintableNamesFallBack() {
        assertEquals("x", VerilogNames.legal("", "x"));
        assertEquals("x", VerilogNames.legal(null, "x"));
        assertEquals("x", VerilogNames.legal("///", "x"));
        assertEquals("x", VerilogNames.legal("\u00e9\u00e8", "x"));
        assertEquals("caf", VerilogNames.legal("caf\u00e9", "x"));
        assertEquals("a_b_c", VerilogNames.legal("a\\b c;", "x"));
    }

    @Test
    void longNamesAreCut() {
        String s = VerilogNames.legal("a".repeat(63) + "_bbbb", "x");
        assertEquals("a".repeat(63), s);
        assertEquals(VerilogNames.MAX_LENGTH, VerilogNames.legal("c".repeat(300), "x").length());
    }

    @Test
    void everyResultIsAnIdentifier() {
        for (String raw : List.of("", "_", "__x__", "9", "a-b", "end", "$display", "`define", "x y", "\\esc ", "\u4e2d\u6587")) {
            String s = VerilogNames.legal(raw, "n");
            assertTrue(IDENT.matcher(s).matches(), raw + " -> " + s);
            assertTrue(!s.contains("__") && !s.endsWith("_"), raw + " -> " + s);
            assertTrue(!VerilogNames.isReserved(s), raw + " -> " + s);
        }
    }
}
