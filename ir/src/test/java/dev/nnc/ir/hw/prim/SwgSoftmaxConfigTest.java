package dev.nnc.ir.hw.prim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.fixed.LutFunction;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FixedType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SwgConfig.from and SoftmaxConfig.from read hw ops as docs/hardware.md §3 names their properties. */
class SwgSoftmaxConfigTest {

    /** The ops named {@code name} in a one-function module whose body is {@code body}. */
    static List<Operation> ops(String argType, String body, String name) {
        String text = "\"builtin.module\"() <{opset = 13}> ({\n"
                + "  \"func.func\"() <{arg_names = [\"x\"], result_names = [], sym_name = \"main\"}> ({\n"
                + "  ^bb0(%x: " + argType + "):\n" + body
                + "    \"func.return\"() : () -> ()\n  }) : () -> ()\n}) : () -> ()\n";
        List<Operation> found = new ArrayList<>();
        IrParser.parse(text, "t.nir").op().walk(op -> {
            if (op.name().equals(name)) {
                found.add(op);
            }
        });
        return found;
    }

    static Operation swg(String props, String inStream, String outStream) {
        String body = "    %s0 = \"hw.source\"(%x) <{perm = [0, 2, 3, 1]}> : (tensor<1x4x7x6xfixed<8,3>>) -> " + inStream + "\n"
                + "    %s1 = \"hw.swg\"(%s0) <{" + props + "}> : (" + inStream + ") -> " + outStream + " loc(\"conv1\")\n";
        return ops("tensor<1x4x7x6xfixed<8,3>>", body, "hw.swg").get(0);
    }

    @Test
    void swgFromProperties() {
        SwgConfig c = SwgConfig.from(swg("dilations = [2, 1], in_shape = [7, 6, 4], kernel_shape = [3, 2], out_shape = [3, 6, 24], "
                + "pads = [2, 0, 1, 1], simd = 2, strides = [2, 1]", "!hw.stream<2xfixed<8,3>>", "!hw.stream<2xfixed<8,3>>"));
        assertEquals(new SwgConfig(8, 2, 7, 6, 4, 3, 2, 2, 1, 2, 0, 1, 1, 2, 1, 3, 6), c);
        assertEquals(7 * 6 * 2, c.inBeats());
        assertEquals(3 * 6 * 3 * 2 * 2, c.outBeats());
    }

    @Test
    void swgDefaults() {
        SwgConfig c = SwgConfig.from(swg("in_shape = [7, 6, 4], kernel_shape = [2, 2], out_shape = [6, 5, 16]",
                "!hw.stream<1xfixed<8,3>>", "!hw.stream<1xfixed<8,3>>"));
        assertEquals(new SwgConfig(8, 1, 7, 6, 4, 2, 2, 1, 1, 0, 0, 0, 0, 1, 1, 6, 5), c);
    }

    @Test
    void swgErrorsNameTheOp() {
        NncException lanes = assertThrows(NncException.class, () -> SwgConfig.from(swg(
                "in_shape = [7, 6, 4], kernel_shape = [2, 2], out_shape = [6, 5, 16], simd = 2",
                "!hw.stream<1xfixed<8,3>>", "!hw.stream<1xfixed<8,3>>")));
        assertTrue(lanes.oneLine().contains("conv1") && lanes.oneLine().contains("hw.swg") && lanes.oneLine().contains("lanes"),
                lanes.oneLine());
        NncException grid = assertThrows(NncException.class, () -> SwgConfig.from(swg(
                "in_shape = [7, 6, 4], kernel_shape = [2, 2], out_shape = [7, 5, 16]",
                "!hw.stream<1xfixed<8,3>>", "!hw.stream<1xfixed<8,3>>")));
        assertTrue(grid.oneLine().contains("expected 6x5"), grid.oneLine());
    }

    @Test
    void softmaxFromProperties() {
        String body = "    %s0 = \"hw.source\"(%x) <{perm = [0, 1]}> : (tensor<1x4xfixed<8,3>>) -> !hw.stream<1xfixed<8,3>>\n"
                + "    %s1 = \"hw.softmax\"(%s0) <{exp_hi = 8.0, exp_lo = -8.0, exp_log2_size = 6, exp_type = ufixed<8,1>, "
                + "in_shape = [4], out_shape = [4], recip_hi = 64.0, recip_in_type = ufixed<10,6>, recip_lo = 0.0, "
                + "recip_log2_size = 6, recip_type = ufixed<8,1>}> : (!hw.stream<1xfixed<8,3>>) -> !hw.stream<1xufixed<8,0>>\n";
        SoftmaxConfig c = SoftmaxConfig.from(ops("tensor<1x4xfixed<8,3>>", body, "hw.softmax").get(0));
        assertEquals(4, c.n());
        assertEquals(new FixedType(8, 3, true), c.input());
        assertEquals(new FixedType(8, 0, false), c.output());
        assertEquals(LutFunction.EXP, c.exp().function());
        assertEquals(new FixedType(9, 4, true), c.exp().input());
        assertEquals(6, c.exp().log2Size());
        assertEquals(new FixedType(10, 6, false), c.recipIn());
        assertEquals(new FixedType(8, 1, false), c.recip().output());
        assertEquals(new FixedType(10, 3, false), c.sumType());
        // index constants of the exp table: lo = -8 in fixed<9,4> raws (F = 5), bins of 2^-2
        assertEquals(-256, SoftmaxConfig.loRaw(c.exp()));
        assertEquals(3, SoftmaxConfig.indexShift(c.exp()));
    }

    @Test
    void softmaxRejectsSimd() {
        String body = "    %s0 = \"hw.source\"(%x) <{perm = [0, 1]}> : (tensor<1x4xfixed<8,3>>) -> !hw.stream<2xfixed<8,3>>\n"
                + "    %s1 = \"hw.softmax\"(%s0) <{exp_hi = 8.0, exp_lo = -8.0, exp_log2_size = 6, exp_type = ufixed<8,1>, "
                + "in_shape = [4], out_shape = [4], recip_hi = 64.0, recip_in_type = ufixed<10,6>, recip_lo = 0.0, "
                + "recip_log2_size = 6, recip_type = ufixed<8,1>, simd = 2}> : (!hw.stream<2xfixed<8,3>>) -> !hw.stream<2xufixed<8,0>> loc(\"sm\")\n";
        NncException e = assertThrows(NncException.class,
                () -> SoftmaxConfig.from(ops("tensor<1x4xfixed<8,3>>", body, "hw.softmax").get(0)));
        assertTrue(e.oneLine().contains("sm") && e.oneLine().contains("simd 2 is not supported"), e.oneLine());
    }
}
