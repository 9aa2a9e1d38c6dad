package dev.nnc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nnc.ir.core.ModuleOp;

/** The round-trip property: print → parse → print is byte-identical and parse(print(m)) equals m. */
final class RoundTrip {
    private RoundTrip() {
    }

    /** Checks both halves of the property and returns the printed text. */
    static String check(ModuleOp m) {
        String text = IrPrinter.print(m);
        ModuleOp back = IrParser.parse(text, "roundtrip.nnc");
        assertEquals(text, IrPrinter.print(back), "print(parse(print(m))) differs from print(m)");
        assertNull(StructuralEquality.describeDifference(m, back), () -> "parse(print(m)) differs from m; text:\n" + text);
        return text;
    }
}
