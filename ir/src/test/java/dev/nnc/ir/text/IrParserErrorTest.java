package dev.nnc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.type.NoneType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bad input is one NncException line starting with file:line:col, and nothing is printed. */
class IrParserErrorTest {
    private static String wrap(String body) {
        return "\"builtin.module\"() ({\n"
                + "  \"func.func\"() <{sym_name = \"main\"}> ({\n"
                + "  ^bb0(%x: tensor<2xf32>):\n"
                + body
                + "  }) : () -> ()\n"
                + "}) : () -> ()\n";
    }

    private static NncException fails(String text) {
        NncException e = assertThrows(NncException.class, () -> IrParser.parse(text, "bad.nnc"));
        assertFalse(e.oneLine().contains("\n"), e.oneLine());
        assertEquals(e.getMessage(), e.oneLine());
        return e;
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        NncException e = fails(wrap("    %y = \"onnx.Identity\"(%x) : (tensor<2xf32>) -> tensor<2xf32> loc(\"id\"\n"));
        assertTrue(e.getMessage().startsWith("bad.nnc:5:3: syntax error: "), e.getMessage());
        assertEquals(new Location(null, "bad.nnc", 5, 3), e.location());
    }

    @Test
    void syntaxErrorInsideTensorType() {
        NncException e = fails(wrap("    %y = \"onnx.Identity\"(%x) : (tensor<2xf32>) -> tensor<2x,f32>\n"));
        assertEquals("bad.nnc:4:60: syntax error: extraneous input ',' expecting element type", e.getMessage());
    }

    @Test
    void misspelledFloat8TypeIsNamed() {
        NncException e = fails(wrap("    %y = \"onnx.Identity\"(%x) : (tensor<2xf32>) -> tensor<2xf8E4M3>\n"));
        assertTrue(e.getMessage().startsWith("bad.nnc:4:") && e.getMessage().endsWith("unknown element type 'f8E4M3'"), e.getMessage());
    }

    @Test
    void unclosedSequenceTypeIsASyntaxError() {
        NncException e = fails(wrap("    %y = \"onnx.Identity\"(%x) : (tensor<2xf32>) -> !onnx.Seq<tensor<2xf32>\n"));
        assertTrue(e.getMessage().startsWith("bad.nnc:") && e.getMessage().contains("syntax error"), e.getMessage());
    }

    @Test
    void strayCharacterIsASyntaxError() {
        NncException e = fails("\"builtin.module\"() ({\n}) : () -> () @\n");
        assertTrue(e.getMessage().startsWith("bad.nnc:2:15: syntax error: "), e.getMessage());
    }

    @Test
    void undefinedValue() {
        NncException e = fails(wrap("    \"func.return\"(%nope) : (tensor<2xf32>) -> ()\n"));
        assertEquals("bad.nnc:4:19: undefined value %nope", e.getMessage());
    }

    @Test
    void valueFromAnotherFunctionIsUndefined() {
        String text = "\"builtin.module\"() ({\n"
                + "  \"func.func\"() <{sym_name = \"f\"}> ({\n  ^bb0(%x: f32):\n    \"func.return\"(%x) : (f32) -> ()\n  }) : () -> ()\n"
                + "  \"func.func\"() <{sym_name = \"g\"}> ({\n    \"func.return\"(%x) : (f32) -> ()\n  }) : () -> ()\n"
                + "}) : () -> ()\n";
        assertEquals("bad.nnc:7:19: undefined value %x", fails(text).getMessage());
    }

    @Test
    void redefinedValue() {
        NncException e = fails(wrap("    %x = \"onnx.Identity\"(%x) : (tensor<2xf32>) -> tensor<2xf32>\n"));
        assertEquals("bad.nnc:4:5: value %x is defined twice", e.getMessage());
    }

    @Test
    void operandTypeMismatch() {
        NncException e = fails(wrap("    %y = \"onnx.Identity\"(%x) : (tensor<3xf32>) -> tensor<3xf32>\n"));
        assertEquals("bad.nnc:4:26: type mismatch for operand #0 %x: signature says tensor<3xf32> but it is defined as tensor<2xf32>",
                e.getMessage());
    }

    @Test
    void operandCountMismatch() {
        NncException e = fails(wrap("    %y = \"onnx.Identity\"(%x) : (tensor<2xf32>, none) -> tensor<2xf32>\n"));
        assertEquals("bad.nnc:4:32: op has 1 operands but its signature lists 2 types", e.getMessage());
    }

    @Test
    void resultCountMismatch() {
        NncException e = fails(wrap("    %y, %z = \"onnx.Identity\"(%x) : (tensor<2xf32>) -> tensor<2xf32>\n"));
        assertEquals("bad.nnc:4:5: onnx.Identity names 2 results but its signature has 1", e.getMessage());
    }

    @Test
    void unknownResource() {
        NncException e = fails(wrap("    %c = \"onnx.Constant\"() <{value = dense_resource<w> : tensor<20xf32>}> : () -> tensor<20xf32>\n"));
        assertEquals("bad.nnc:4:38: unknown resource 'w'", e.getMessage());
    }

    @Test
    void resourceOfWrongSize() {
        String text = wrap("    %c = \"onnx.Constant\"() <{value = dense_resource<w> : tensor<2xf32>}> : () -> tensor<2xf32>\n")
                + "{-#\n  dialect_resources: {\n    builtin: {\n      w: \"0x0000803F\"\n    }\n  }\n#-}\n";
        NncException e = fails(text);
        assertEquals("bad.nnc:4:38: resource 'w': resource has 4 bytes but f32 x 2 needs 8", e.getMessage());
    }

    @Test
    void denseValueOutOfRangeAndWrongCount() {
        assertEquals("bad.nnc:4:48: value 300 is out of range for u8",
                fails(wrap("    %c = \"onnx.Constant\"() <{value = dense<[1, 300]> : tensor<2xu8>}> : () -> tensor<2xu8>\n")).getMessage());
        assertEquals("bad.nnc:4:38: dense constant has 1 elements but tensor<2xu8> needs 2",
                fails(wrap("    %c = \"onnx.Constant\"() <{value = dense<[1]> : tensor<2xu8>}> : () -> tensor<2xu8>\n")).getMessage());
    }

    @Test
    void badElementType() {
        NncException e = fails(wrap("    %y = \"onnx.Identity\"(%x) : (tensor<2xf32>) -> tensor<2xf17>\n"));
        assertEquals("bad.nnc:4:60: unknown element type 'f17'", e.getMessage());
    }

    @Test
    void danglingOperandPrintsAsUndefinedName() {
        ModuleOp m = IrSamples.mnistConv();
        Operation conv = m.mainFunction().body().operations().get(2);
        Value stray = Operation.create("onnx.NoValue", List.of(),
                List.of(NoneType.NONE), Map.of(), Location.UNKNOWN).result(0);
        stray.setNameHint("none");
        conv.setOperand(2, stray);
        String text = IrPrinter.print(m);
        assertTrue(text.contains("\"onnx.Conv\"(%Input3, %w, %0undef0)"), text);
        assertEquals("bad.nnc:6:35: undefined value %0undef0", fails(text).getMessage());
    }

    @Test
    void topLevelMustBeModule() {
        NncException e = fails("\"func.func\"() <{sym_name = \"main\"}> ({\n}) : () -> ()\n");
        assertEquals("bad.nnc:1:1: expected a \"builtin.module\" at the top, got \"func.func\"", e.getMessage());
    }

    @Test
    void errorsPrintNothingToTheConsole() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            fails("\"builtin.module\"() ({ )))");
        } finally {
            System.setErr(oldErr);
        }
        assertEquals("", captured.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void deepNestingIsAUserErrorNotAStackOverflow() {
        String text = "\"builtin.module\"() <{opset = 13, x = " + "[".repeat(20000) + "]".repeat(20000) + "}> ({\n}) : () -> ()\n";
        NncException e = assertThrows(NncException.class, () -> IrParser.parse(text, "deep.nir"));
        assertEquals("deep.nir:1:" + (37 + IrParser.MAX_NESTING) + ": nesting deeper than " + IrParser.MAX_NESTING, e.getMessage());
    }

    @Test
    void moderateNestingStillParses() {
        String text = "\"builtin.module\"() <{opset = 13, x = " + "[".repeat(50) + "1" + "]".repeat(50) + "}> ({\n}) : () -> ()\n";
        IrParser.parse(text, "ok.nir");
    }
}
