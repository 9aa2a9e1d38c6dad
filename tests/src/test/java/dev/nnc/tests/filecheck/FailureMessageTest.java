package dev.nnc.tests.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a failure shows, and the errors in check files themselves. */
class FailureMessageTest {
    @Test
    void notFoundShowsTheDirectiveAndTheOutputAroundTheSearchStart() {
        String output = "l1\nl2 first\nl3\nl4\nl5\nl6\n";
        CheckFailure f = assertThrows(CheckFailure.class,
                () -> FileCheck.parse("// CHECK: first\n// CHECK-NEXT: l4", "t.nir").check(output, "stdout"));
        String expected = String.join("\n",
                "t.nir:2: error: CHECK-NEXT: expected string not found in input",
                "  CHECK-NEXT: l4",
                "stdout:2:9: note: scanning from here",
                "  1 | l1",
                "> 2 | l2 first",
                "              ^",
                "  3 | l3",
                "  4 | l4");
        // the search started after 'first', so l4 (two lines on) is no match for NEXT... it is a match,
        // but not on the next line: the message says so and shows both places
        CheckFailure next = f;
        assertTrue(next.getMessage().contains("is not on the line after the previous match"), next.getMessage());
        CheckFailure missing = assertThrows(CheckFailure.class,
                () -> FileCheck.parse("// CHECK: first\n// CHECK-NEXT: zz", "t.nir").check(output, "stdout"));
        assertEquals(expected.replace("l4\n", "zz\n").replace("CHECK-NEXT: l4", "CHECK-NEXT: zz"), missing.getMessage());
    }

    @Test
    void aNearMissIsPointedOut() {
        String output = "func @main\n  %a = \"onnx.Relu\"(%x)\n  %b = \"onnx.Add\"(%a, %x)\n  return %b\n";
        CheckFailure f = assertThrows(CheckFailure.class,
                () -> FileCheck.parse("// CHECK: @main\n// CHECK: \"onnx.Add\"(%x, %a)", "t.nir").check(output, "out"));
        assertTrue(f.getMessage().contains("out:3:8: note: possible intended match here\n"
                + "  1 | func @main\n  2 |   %a = \"onnx.Relu\"(%x)\n> 3 |   %b = \"onnx.Add\"(%a, %x)"), f.getMessage());
        CheckFailure far = assertThrows(CheckFailure.class,
                () -> FileCheck.parse("// CHECK: \"onnx.Softmax\"(%y) <{axis = 1}>", "t.nir").check(output, "out"));
        assertTrue(!far.getMessage().contains("possible intended match"), far.getMessage());
    }

    @Test
    void emptyOutputIsSaidToBeEmpty() {
        CheckFailure f = assertThrows(CheckFailure.class, () -> FileCheck.parse("// CHECK: x", "t.nir").check(""));
        assertTrue(f.getMessage().contains("(the output is empty)"), f.getMessage());
    }

    @Test
    void noDirectivesIsAnError() {
        CheckFileError e = assertThrows(CheckFileError.class, () -> FileCheck.parse("// nothing", "t.nir").check("x"));
        assertTrue(e.getMessage().contains("no check strings found with prefix CHECK:"), e.getMessage());
    }

    @Test
    void brokenCheckFilesNameTheLine() {
        assertCheckFileError("// CHECK:", "t.nir:1: error: found empty check string with prefix 'CHECK:'");
        assertCheckFileError("\n// CHECK-EMPTY: x", "t.nir:2: error: found non-empty check string for CHECK-EMPTY");
        assertCheckFileError("// CHECK-NEXT: x", "t.nir:1: error: found 'CHECK-NEXT' without a previous 'CHECK:' line");
        assertCheckFileError("// CHECK: {{[a-}}", "t.nir:1: error: CHECK: invalid regex '[a-'");
        assertCheckFileError("// CHECK: {{abc", "t.nir:1: error: CHECK: '{{' without a closing '}}'");
        assertCheckFileError("// CHECK: [[X:a", "t.nir:1: error: CHECK: '[[' without a closing ']]'");
        assertCheckFileError("// CHECK: [[1X]]", "t.nir:1: error: CHECK: invalid variable name '1X'");
        assertCheckFileError("// CHECK-LABEL: [[X:a]]", "t.nir:1: error: CHECK-LABEL cannot define or use variables");
        assertCheckFileError("// CHECK: a\n// CHECK-NXET: b", "t.nir:2: error: unknown directive 'CHECK-NXET:'");
        assertCheckFileError("// CHECK-COUNT-0: b", "t.nir:1: error: invalid count in CHECK-COUNT-0");
    }

    @Test
    void prefixMustStandAlone() {
        // MYCHECK: is not a CHECK: directive, and CHECK without a colon is just text
        assertEquals(0, FileCheck.parse("// MYCHECK: a\n// CHECK a\n// XCHECK-NEXT: b", "t.nir").directives().size());
        assertThrows(IllegalArgumentException.class, () -> FileCheck.parse("x", "t.nir", 1, List.of("BAD PREFIX")));
    }

    private static void assertCheckFileError(String checks, String messageStart) {
        CheckFileError e = assertThrows(CheckFileError.class, () -> FileCheck.parse(checks, "t.nir").check("a b x"));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }
}
