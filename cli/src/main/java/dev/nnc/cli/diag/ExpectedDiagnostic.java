package dev.nnc.cli.diag;

import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.Diagnostic.Severity;
import java.util.Locale;

/**
 * One {@code // expected-error@+1 {{substring}}} comment: the severity, the line the diagnostic
 * must be reported on, the text its message must contain, and the line the comment itself is on.
 */
public record ExpectedDiagnostic(Severity severity, int line, String substring, int commentLine) {

    /** True when {@code d} is this expectation: same severity and line, message containing the text. */
    public boolean matches(Diagnostic d) {
        return d.severity() == severity && d.location() != null && d.location().line() == line
                && d.message().contains(substring);
    }

    /** {@code expected error "substring"}, as messages spell it. */
    public String describe() {
        return "expected " + severity.name().toLowerCase(Locale.ROOT) + " \"" + substring + "\"";
    }
}
