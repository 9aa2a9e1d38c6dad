package dev.nnc.cli.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.Location;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.Diagnostic.Severity;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected-diagnostic comments: reading them, comparing them with what was reported. */
class DiagnosticVerifierTest {
    private static final String MODULE = String.join("\n",
            "\"builtin.module\"() <{opset = 13}> ({",
            "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"y\"], sym_name = \"main\"}> ({",
            "  ^bb0(%x: tensor<2x3xf32>):",
            "    BODY",
            "  }) : () -> ()",
            "}) : () -> ()",
            "");

    @Test
    void readsOffsetsAndSeverities() {
        String text = String.join("\n",
                "a // expected-error {{same line}}",
                "// expected-warning@+2 {{two below}}",
                "// expected-note@-2 {{one above the comment, twice}} expected-note@above {{again}}",
                "x",
                "// expected-error@below {{next}}",
                "y");
        List<ExpectedDiagnostic> e = DiagnosticVerifier.expectations(text, "f.nir");
        assertEquals(List.of(
                new ExpectedDiagnostic(Severity.ERROR, 1, "same line", 1),
                new ExpectedDiagnostic(Severity.WARNING, 4, "two below", 2),
                new ExpectedDiagnostic(Severity.NOTE, 1, "one above the comment, twice", 3),
                new ExpectedDiagnostic(Severity.NOTE, 2, "again", 3),
                new ExpectedDiagnostic(Severity.ERROR, 6, "next", 5)), e);
    }

    @Test
    void malformedExpectationsAreErrors() {
        NncException outside = assertThrows(NncException.class,
                () -> DiagnosticVerifier.expectations("// expected-error@-1 {{x}}", "f.nir"));
        assertTrue(outside.getMessage().contains("f.nir:1: expected diagnostic refers to line 0"), outside.getMessage());
        NncException noBraces = assertThrows(NncException.class,
                () -> DiagnosticVerifier.expectations("x\n// expected-error@+1 'x'\ny", "f.nir"));
        assertTrue(noBraces.getMessage().startsWith("f.nir:2: malformed expected diagnostic"), noBraces.getMessage());
    }

    @Test
    void exactlyTheExpectedDiagnosticsPass() {
        List<ExpectedDiagnostic> expected = List.of(new ExpectedDiagnostic(Severity.ERROR, 3, "unknown op", 2));
        assertEquals(List.of(), DiagnosticVerifier.compare(expected, List.of(error(3, "onnx.Bogus: unknown op (...)")), "f.nir"));
    }

    @Test
    void missingWrongLineWrongSeverityAndExtraAreReported() {
        List<ExpectedDiagnostic> expected = List.of(new ExpectedDiagnostic(Severity.ERROR, 3, "unknown op", 2));
        List<String> none = DiagnosticVerifier.compare(expected, List.of(), "f.nir");
        assertEquals(List.of("f.nir:3: error: expected error \"unknown op\" was not produced (expected by the comment on line 2)"), none);
        List<String> wrongLine = DiagnosticVerifier.compare(expected, List.of(error(4, "unknown op")), "f.nir");
        assertEquals(2, wrongLine.size());
        assertEquals("f.nir:4:5: error: unexpected error: unknown op", wrongLine.get(0));
        Diagnostic warning = new Diagnostic(Severity.WARNING, Location.at("f.nir", 3, 5), "unknown op");
        assertEquals(2, DiagnosticVerifier.compare(expected, List.of(warning), "f.nir").size());
        assertEquals(2, DiagnosticVerifier.compare(expected, List.of(error(3, "unknown type")), "f.nir").size());
        List<String> extra = DiagnosticVerifier.compare(expected, List.of(error(3, "unknown op"), error(3, "unknown op")), "f.nir");
        assertEquals(List.of("f.nir:3:5: error: unexpected error: unknown op"), extra);
    }

    @Test
    void diagnosticWithoutALineIsUnexpected() {
        List<String> p = DiagnosticVerifier.compare(List.of(), List.of(Diagnostic.error(Location.named("n1"), "boom")), "f.nir");
        assertEquals(List.of("f.nir: (no line: node 'n1'): error: unexpected error: boom"), p);
    }

    @Test
    void parserErrorsCount() {
        String text = MODULE.replace("BODY", "// expected-error@+1 {{undefined value %z}}\n"
                + "    \"func.return\"(%z) : (tensor<2x3xf32>) -> ()");
        assertEquals(0, check(text).code);
        assertEquals(2, check(text.replace("%z}}", "%q}}")).code);
    }

    @Test
    void verifierErrorsCountAndPassesDoNotRunOnInvalidIr() {
        String text = MODULE.replace("BODY", "// expected-error@+1 {{needs attribute 'to'}}\n"
                + "    %a = \"onnx.Cast\"(%x) : (tensor<2x3xf32>) -> tensor<2x3xi32>\n"
                + "    \"func.return\"(%a) : (tensor<2x3xi32>) -> ()");
        Result r = check(text);
        assertEquals(0, r.code, r.err);
        Result unexpected = check(text.replace("// expected-error@+1 {{needs attribute 'to'}}\n", "\n"));
        assertEquals(2, unexpected.code);
        assertEquals("f.nir:5:5: error: unexpected error: onnx.Cast: needs attribute 'to'", unexpected.err.strip());
    }

    @Test
    void passDiagnosticsCount() {
        String text = MODULE.replace("BODY", "// expected-warning@+1 {{look here}}\n"
                + "    \"func.return\"(%x) : (tensor<2x3xf32>) -> ()");
        StringWriter err = new StringWriter();
        int code = DiagnosticVerifier.check(text, "f.nir", DialectRegistry.standard(),
                m -> List.of(new Diagnostic(Severity.WARNING, Location.at("f.nir", 5, 5), "look here")), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
    }

    private record Result(int code, String err) {
    }

    private static Result check(String text) {
        StringWriter err = new StringWriter();
        PrintWriter w = new PrintWriter(err, true);
        int code = DiagnosticVerifier.check(text, "f.nir", DialectRegistry.standard(), m -> List.of(), w);
        w.flush();
        return new Result(code, err.toString());
    }

    private static Diagnostic error(int line, String message) {
        return Diagnostic.error(Location.at("f.nir", line, 5), message);
    }
}
