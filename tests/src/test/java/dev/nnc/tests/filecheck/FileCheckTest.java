package dev.nnc.tests.filecheck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each directive passing and failing, and what a failure message shows. */
class FileCheckTest {
    private static final String OUTPUT = String.join("\n",
            "func @main",
            "  %a = \"onnx.Relu\"(%x)",
            "  %b = \"onnx.Add\"(%a, %a)",
            "  return %b",
            "func @other",
            "  %c = \"onnx.Sigmoid\"(%y)",
            "  return %c",
            "");

    static void pass(String checks, String output) {
        assertDoesNotThrow(() -> FileCheck.parse(checks, "t.nir").check(output));
    }

    static CheckFailure fail(String checks, String output) {
        return assertThrows(CheckFailure.class, () -> FileCheck.parse(checks, "t.nir").check(output));
    }

    @Test
    void plainMatchesInOrder() {
        pass("// CHECK: onnx.Relu\n// CHECK: onnx.Add\n// CHECK: onnx.Sigmoid", OUTPUT);
    }

    @Test
    void plainFailsWhenOutOfOrder() {
        CheckFailure f = fail("// CHECK: onnx.Add\n// CHECK: onnx.Relu", OUTPUT);
        assertEquals(2, f.directive().line());
        assertTrue(f.getMessage().startsWith("t.nir:2: error: CHECK: expected string not found in input"), f.getMessage());
    }

    @Test
    void plainMatchesWithinALineAfterThePreviousMatch() {
        pass("// CHECK: %b =\n// CHECK: %a", OUTPUT);
        fail("// CHECK: %a = \"onnx.Relu\"(%x)\n// CHECK: %x", OUTPUT);
    }

    @Test
    void whitespaceRunsMatchAnyHorizontalWhitespace() {
        pass("// CHECK: a b c", "a \t b    c\n");
        fail("// CHECK: a b", "ab\n");
        fail("// CHECK: a b", "a\nb\n");
    }

    @Test
    void literalTextIsNotARegex() {
        pass("// CHECK: a.b(c)*", "x a.b(c)* y");
        fail("// CHECK: a.b", "axb");
    }

    @Test
    void nextMustBeOnTheFollowingLine() {
        pass("// CHECK: onnx.Relu\n// CHECK-NEXT: onnx.Add\n// CHECK-NEXT: return", OUTPUT);
        CheckFailure skipped = fail("// CHECK: onnx.Relu\n// CHECK-NEXT: return", OUTPUT);
        assertTrue(skipped.getMessage().contains("CHECK-NEXT: is not on the line after the previous match"), skipped.getMessage());
        CheckFailure same = fail("// CHECK: %a =\n// CHECK-NEXT: onnx.Relu", OUTPUT);
        assertTrue(same.getMessage().contains("is on the same line as the previous match"), same.getMessage());
    }

    @Test
    void sameMustBeOnTheSameLine() {
        pass("// CHECK: %b = \n// CHECK-SAME: onnx.Add\n// CHECK-SAME: (%a, %a)", OUTPUT);
        CheckFailure f = fail("// CHECK: onnx.Relu\n// CHECK-SAME: onnx.Add", OUTPUT);
        assertTrue(f.getMessage().contains("CHECK-SAME: is not on the same line as the previous match"), f.getMessage());
    }

    @Test
    void emptyMatchesAnEmptyNextLine() {
        pass("// CHECK: one\n// CHECK-EMPTY:\n// CHECK-NEXT: two", "one\n\ntwo\n");
        CheckFailure f = fail("// CHECK: one\n// CHECK-EMPTY:", "one\ntwo\n\n");
        assertTrue(f.getMessage().contains("is not on the line after the previous match"), f.getMessage());
        fail("// CHECK: one\n// CHECK-EMPTY:", "one\ntwo\n");
    }

    @Test
    void notFailsBetweenTwoMatches() {
        pass("// CHECK: @main\n// CHECK-NOT: Sigmoid\n// CHECK: return", OUTPUT);
        CheckFailure f = fail("// CHECK: @main\n// CHECK-NOT: onnx.Add\n// CHECK: return", OUTPUT);
        assertTrue(f.getMessage().contains("CHECK-NOT: excluded string found in input"), f.getMessage());
        assertTrue(f.getMessage().contains("<output>:3:9: note: found here"), f.getMessage());
    }

    @Test
    void notOnlyLooksAtTheGap() {
        // Relu is before the first match, Sigmoid after the second: neither is in the gap
        pass("// CHECK: onnx.Add\n// CHECK-NOT: Relu\n// CHECK-NOT: Sigmoid\n// CHECK: return %b", OUTPUT);
    }

    @Test
    void notAtTheStartAndTheEnd() {
        pass("// CHECK-NOT: Softmax\n// CHECK: Relu\n// CHECK-NOT: Softmax", OUTPUT);
        fail("// CHECK-NOT: Relu\n// CHECK: Add", OUTPUT);
        fail("// CHECK: Relu\n// CHECK-NOT: Sigmoid", OUTPUT);
    }

    @Test
    void dagMatchesInAnyOrder() {
        pass("// CHECK-DAG: onnx.Add\n// CHECK-DAG: onnx.Relu\n// CHECK: return %b", OUTPUT);
        CheckFailure f = fail("// CHECK-DAG: onnx.Add\n// CHECK-DAG: onnx.Tanh", OUTPUT);
        assertEquals(2, f.directive().line());
    }

    @Test
    void dagMatchesDoNotOverlap() {
        pass("// CHECK-DAG: x\n// CHECK-DAG: x", "x x\n");
        fail("// CHECK-DAG: x\n// CHECK-DAG: x", "x\n");
    }

    @Test
    void positiveAfterDagSearchesFromTheFurthestDagMatch() {
        // the DAGs end at line 3, so @main's return (line 4) is the next match, not line 2's text
        pass("// CHECK: @main\n// CHECK-DAG: onnx.Add\n// CHECK-DAG: onnx.Relu\n// CHECK-NEXT: return %b", OUTPUT);
        fail("// CHECK-DAG: onnx.Add\n// CHECK-DAG: onnx.Relu\n// CHECK: %a =", OUTPUT);
    }

    @Test
    void notBetweenDagGroups() {
        String out = "a\nb\nc\n";
        pass("// CHECK-DAG: a\n// CHECK-NOT: z\n// CHECK-DAG: c", out);
        CheckFailure f = fail("// CHECK-DAG: a\n// CHECK-NOT: b\n// CHECK-DAG: c", out);
        assertTrue(f.getMessage().contains("CHECK-NOT: excluded string found"), f.getMessage());
        // the second group starts searching after the first: b is not between a and b
        pass("// CHECK-DAG: a\n// CHECK-NOT: c\n// CHECK-DAG: b", out);
    }

    @Test
    void labelsSplitTheOutputIntoBlocks() {
        pass("// CHECK-LABEL: @main\n// CHECK: return\n// CHECK-LABEL: @other\n// CHECK: Sigmoid", OUTPUT);
        // in @main's block there is no Sigmoid, even though @other has one
        CheckFailure f = fail("// CHECK-LABEL: @main\n// CHECK: Sigmoid\n// CHECK-LABEL: @other\n// CHECK: return", OUTPUT);
        assertEquals(2, f.directive().line());
    }

    @Test
    void notInALabelBlockStopsAtTheNextLabel() {
        pass("// CHECK-LABEL: @main\n// CHECK-NOT: Sigmoid\n// CHECK-LABEL: @other\n// CHECK: Sigmoid", OUTPUT);
        fail("// CHECK-LABEL: @main\n// CHECK-NOT: Sigmoid", OUTPUT);
    }

    @Test
    void missingLabelFailsFirst() {
        CheckFailure f = fail("// CHECK-LABEL: @main\n// CHECK: Tanh\n// CHECK-LABEL: @missing", OUTPUT);
        assertEquals(3, f.directive().line());
        assertEquals(CheckKind.LABEL, f.directive().kind());
    }

    @Test
    void capturesAndUses() {
        pass("// CHECK: %[[R:[a-z]+]] = \"onnx.Relu\"\n// CHECK: \"onnx.Add\"(%[[R]], %[[R]])", OUTPUT);
        CheckFailure f = fail("// CHECK: %[[R:[a-z]+]] = \"onnx.Add\"\n// CHECK: return %[[R]]\n// CHECK: Sigmoid\"(%[[R]])", OUTPUT);
        assertEquals(3, f.directive().line());
        assertTrue(f.getMessage().contains("with \"R\" equal to \"b\""), f.getMessage());
    }

    @Test
    void useOnTheDefiningLineIsABackReference() {
        pass("// CHECK: ([[X:%[a-z]]], [[X]])", OUTPUT);
        fail("// CHECK: \"([[X:%[a-z]]], [[X]]){{$}}", "\"(%a, %b)\n");
    }

    @Test
    void capturedValueIsTakenLiterally() {
        pass("// CHECK: v=[[V:.*]];\n// CHECK: w=[[V]]", "v=a.b;\nw=a.b\n");
        fail("// CHECK: v=[[V:.*]];\n// CHECK: w=[[V]]", "v=a.b;\nw=axb\n");
    }

    @Test
    void variableRedefinitionTakesTheNewValue() {
        pass("// CHECK: [[V:[0-9]+]]\n// CHECK: [[V]]\n// CHECK: [[V:[0-9]+]]\n// CHECK: =[[V]]", "1\n1\n2\n=2\n");
    }

    @Test
    void regexWithBracketsInsideACapture() {
        pass("// CHECK: [[N:[0-9]+]]x[[M:[[:alpha:]]*]]", "12xab");
        pass("// CHECK: tensor<[[S:[0-9x]+]]xf32>\n// CHECK: -> tensor<[[S]]xf32>", "tensor<2x3xf32> -> tensor<2x3xf32>");
    }

    @Test
    void undefinedVariableFails() {
        CheckFailure f = fail("// CHECK: [[NOPE]]", "x");
        assertTrue(f.getMessage().contains("uses undefined variable(s): NOPE"), f.getMessage());
    }

    @Test
    void inlineRegex() {
        pass("// CHECK: %{{[0-9]+}} = {{\"onnx\\.(Relu|Tanh)\"}}", "%12 = \"onnx.Tanh\"(%x)");
        fail("// CHECK: %{{[0-9]+}} =", "%a = 1");
        pass("// CHECK: {{^}}abc{{$}}", "xabc\nabc\n");
        fail("// CHECK: {{^}}abc{{$}}", "xabc\nabcd\n");
    }

    @Test
    void inlineRegexEndingInABrace() {
        pass("// CHECK: x{{a{2}}}y", "xaay");
    }

    @Test
    void countMatchesNTimes() {
        pass("// CHECK-COUNT-2: return\n// CHECK-NOT: return", OUTPUT);
        fail("// CHECK-COUNT-3: return", OUTPUT);
    }

    @Test
    void otherPrefixes() {
        FileCheck fc = FileCheck.parse("// CHECK: never\n// O2: onnx.Add\n// O2-NOT: Tanh", "t.nir", 1, List.of("O2"));
        assertEquals(2, fc.directives().size());
        assertDoesNotThrow(() -> fc.check(OUTPUT));
    }

    @Test
    void longerPrefixWins() {
        FileCheck fc = FileCheck.parse("// CHECK-O2: onnx.Add\n// CHECK: Relu", "t.nir", 1, List.of("CHECK", "CHECK-O2"));
        assertEquals(List.of("CHECK-O2", "CHECK"), fc.directives().stream().map(CheckDirective::spelling).toList());
        // with CHECK alone, CHECK-O2: belongs to some other run and is not a directive
        assertEquals(1, FileCheck.parse("// CHECK-O2: x\n// CHECK: y", "t.nir").directives().size());
    }

    @Test
    void lineNumbersCountFromTheChunkStart() {
        CheckFailure f = assertThrows(CheckFailure.class,
                () -> FileCheck.parse("\n// CHECK: missing", "f.nir", 40, List.of("CHECK")).check("x"));
        assertTrue(f.getMessage().startsWith("f.nir:41: error:"), f.getMessage());
    }

    @Test
    void dagCapturesAreUsableAfterTheGroup() {
        pass("// CHECK-DAG: %[[B:[a-z]]] = \"onnx.Add\"\n// CHECK-DAG: %[[A:[a-z]]] = \"onnx.Relu\"\n// CHECK: return %[[B]]", OUTPUT);
        fail("// CHECK-DAG: %[[B:[a-z]]] = \"onnx.Add\"\n// CHECK-DAG: %[[A:[a-z]]] = \"onnx.Relu\"\n// CHECK: return %[[A]]", OUTPUT);
    }

    @Test
    void trailingNotAfterDagsLooksToTheEndOfTheBlock() {
        pass("// CHECK-LABEL: @main\n// CHECK-DAG: Add\n// CHECK-NOT: Tanh\n// CHECK-LABEL: @other", OUTPUT);
        fail("// CHECK-LABEL: @main\n// CHECK-DAG: Relu\n// CHECK-NOT: return\n// CHECK-LABEL: @other", OUTPUT);
    }

    @Test
    void windowsLineEndingsAndTabsInPatterns() {
        pass("// CHECK: a\tb\n// CHECK-NEXT: c", "a b\r\nc\r\n");
    }
}
