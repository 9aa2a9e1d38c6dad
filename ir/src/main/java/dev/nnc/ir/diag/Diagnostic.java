package dev.nnc.ir.diag;

import dev.nnc.ir.core.Location;

/** One message from the verifier or a pass, with where it applies. */
public record Diagnostic(Severity severity, Location location, String message) {
    public enum Severity { ERROR, WARNING, NOTE }

    public static Diagnostic error(Location loc, String message) {
        return new Diagnostic(Severity.ERROR, loc, message);
    }

    @Override
    public String toString() {
        return location + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
