package dev.nnc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@code !hw.stream<LxT>} prints, parses back and compares structurally, as a value type and as a TypeAttr. */
class StreamTypeTextTest {
    @Test
    void spellingOfEveryElementKind() {
        assertEquals("!hw.stream<4xfixed<8,3>>", new StreamType(4, new FixedType(8, 3, true)).toString());
        assertEquals("!hw.stream<1xufixed<12,-3>>", new StreamType(1, new FixedType(12, -3, false)).toString());
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(m, "main");
        List<Value> outs = new ArrayList<>();
        for (ElementType e : RoundTripTest.ELEMENT_TYPES) {
            outs.add(f.addInput("s_" + e.spelling(), new StreamType(3, e)));
        }
        Operation op = IrSamples.append(f, "hw.probe", List.of(), TensorType.of(new FixedType(8, 3, true), 2),
                Map.of("t", new Attribute.TypeAttr(new StreamType(16, new FixedType(8, 3, true)))), "p");
        outs.add(op.result(0));
        f.setOutputs(outs, outs.stream().map(v -> "o" + v.index()).toList());
        String text = RoundTrip.check(m);
        assertTrue(text.contains(": !hw.stream<3xfixed<16,6>>"), text);
        assertTrue(text.contains("t = !hw.stream<16xfixed<8,3>>"), text);
    }

    @Property(tries = 200)
    void anyLaneCountAndFixedFormatRoundTrips(@ForAll @IntRange(min = 1, max = 4096) int lanes,
                                              @ForAll @IntRange(min = 1, max = 64) int width,
                                              @ForAll @IntRange(min = -70, max = 70) int intBits,
                                              @ForAll boolean signed) {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(m, "main");
        Value v = f.addInput("s", new StreamType(lanes, new FixedType(width, intBits, signed)));
        f.setOutputs(List.of(v), List.of("o"));
        RoundTrip.check(m);
    }

    @Test
    void zeroLanesIsAParseErrorAtTheCount() {
        String text = "\"builtin.module\"() ({\n"
                + "  \"func.func\"() <{sym_name = \"main\"}> ({\n"
                + "  ^bb0(%x: !hw.stream<0xi8>):\n"
                + "    \"func.return\"() : () -> ()\n"
                + "  }) : () -> ()\n"
                + "}) : () -> ()\n";
        NncException e = assertThrows(NncException.class, () -> IrParser.parse(text, "bad.nir"));
        assertTrue(e.getMessage().startsWith("bad.nir:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("lane count 0"), e.getMessage());
    }
}
