package dev.nnc.cli.diag;

import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.Diagnostic.Severity;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.verify.Verifier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expected-diagnostics mode ({@code nnc opt --verify-diagnostics}), after MLIR's: the input
 * file says in comments which diagnostics the parser, the verifier or a pass must report, and on
 * which line; the run passes when exactly those are reported and no others.
 *
 * <pre>
 * // expected-error@+1 {{unknown op}}
 * %0 = "onnx.Bogus"(%x) : (tensor&lt;2xf32&gt;) -&gt; tensor&lt;2xf32&gt;
 * </pre>
 *
 * {@code @+N} and {@code @-N} are relative to the comment's line ({@code @above} = {@code @-1},
 * {@code @below} = {@code @+1}); without them the diagnostic is expected on the comment's own line.
 */
public final class DiagnosticVerifier {
    private static final Pattern EXPECTED = Pattern.compile(
            "expected-(error|warning|note)(?:@([+-]\\d+|above|below))?\\s*\\{\\{(.*?)\\}\\}");
    private static final Pattern MISSPELLED = Pattern.compile("expected-(error|warning|note)\\S*");

    private DiagnosticVerifier() {
    }

    /** The expectations written in {@code text}; a malformed one is an error naming its line. */
    public static List<ExpectedDiagnostic> expectations(String text, String fileName) {
        List<ExpectedDiagnostic> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            Matcher m = EXPECTED.matcher(lines[i]);
            boolean found = false;
            while (m.find()) {
                found = true;
                int target = lineNo + offset(m.group(2));
                if (target < 1 || target > lines.length) {
                    throw new NncException(Location.at(fileName, lineNo, m.start() + 1),
                            fileName + ":" + lineNo + ": expected diagnostic refers to line " + target + ", outside the file");
                }
                Severity s = Severity.valueOf(m.group(1).toUpperCase(Locale.ROOT));
                out.add(new ExpectedDiagnostic(s, target, m.group(3), lineNo));
            }
            if (!found && MISSPELLED.matcher(lines[i]).find()) {
                throw new NncException(Location.at(fileName, lineNo, 1), fileName + ":" + lineNo
                        + ": malformed expected diagnostic (write expected-error@+1 {{text}})");
            }
        }
        return out;
    }

    /**
     * What differs between the expectations and the diagnostics produced, one message per
     * problem ({@code file:line: error: ...}); empty when they agree exactly.
     */
    public static List<String> compare(List<ExpectedDiagnostic> expected, List<Diagnostic> produced, String fileName) {
        List<ExpectedDiagnostic> open = new ArrayList<>(expected);
        List<String> problems = new ArrayList<>();
        for (Diagnostic d : produced) {
            ExpectedDiagnostic hit = open.stream().filter(e -> e.matches(d)).findFirst().orElse(null);
            if (hit != null) {
                open.remove(hit);
            } else {
                problems.add(where(d, fileName) + ": error: unexpected " + d.severity().name().toLowerCase(Locale.ROOT)
                        + ": " + d.message());
            }
        }
        for (ExpectedDiagnostic e : open) {
            problems.add(fileName + ":" + e.line() + ": error: " + e.describe() + " was not produced (expected by the comment on line "
                    + e.commentLine() + ")");
        }
        return problems;
    }

    /**
     * Parses {@code text}, verifies it and, when it is valid, runs {@code passes} on it (which
     * returns what the passes reported), then compares everything reported with the expectations
     * in the text. Prints each problem to {@code err}; returns 0 when there are none, else 2.
     */
    public static int check(String text, String fileName, DialectRegistry registry,
                            Function<ModuleOp, List<Diagnostic>> passes, PrintWriter err) {
        List<ExpectedDiagnostic> expected = expectations(text, fileName);
        List<Diagnostic> produced = new ArrayList<>();
        try {
            ModuleOp module = IrParser.parse(text, fileName);
            produced.addAll(Verifier.verify(module, registry));
            if (produced.stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
                produced.addAll(passes.apply(module));
            }
        } catch (NncException e) {
            produced.add(fromException(e));
        }
        List<String> problems = compare(expected, produced, fileName);
        problems.forEach(err::println);
        return problems.isEmpty() ? 0 : 2;
    }

    /** A diagnostic for an error thrown by the parser or a pass, without the location repeated. */
    public static Diagnostic fromException(NncException e) {
        Location loc = e.location() == null ? Location.UNKNOWN : e.location();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (loc.file() != null) {
            String prefix = loc.file() + ":" + loc.line() + ":" + loc.column() + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
        }
        return Diagnostic.error(loc, message);
    }

    private static String where(Diagnostic d, String fileName) {
        Location loc = d.location();
        if (loc == null || loc.line() <= 0) {
            return fileName + ": (no line: " + (loc == null ? Location.UNKNOWN : loc) + ")";
        }
        return fileName + ":" + loc.line() + ":" + loc.column();
    }

    private static int offset(String spec) {
        if (spec == null) {
            return 0;
        }
        switch (spec) {
            case "above":
                return -1;
            case "below":
                return 1;
            default:
                return Integer.parseInt(spec.startsWith("+") ? spec.substring(1) : spec);
        }
    }
}
