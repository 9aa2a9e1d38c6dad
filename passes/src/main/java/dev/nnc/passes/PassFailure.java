package dev.nnc.passes;

import dev.nnc.ir.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * A pass that failed: it reported an error, left IR that does not verify, or crashed (threw
 * something other than an {@link dev.nnc.ir.diag.NncException}, i.e. a bug in the pass). The
 * one-line message names the pass, the error and the crash reproducer file when one was written.
 */
public final class PassFailure extends dev.nnc.ir.diag.NncException {
    private static final long serialVersionUID = 1L;
    private final String pass;
    private final boolean crashed;
    private final transient Path reproducer;
    private final transient List<Diagnostic> diagnostics;

    public PassFailure(String pass, String message, boolean crashed, Path reproducer, List<Diagnostic> diagnostics,
                       Throwable cause) {
        super(null, message, cause);
        this.pass = pass;
        this.crashed = crashed;
        this.reproducer = reproducer;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /**
     * What the failing pass reported (warnings included) and the errors behind the failure (its
     * own, or what the verifier found after it), each at its op's location. Expected-diagnostics
     * tests match these.
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The argument of the pass that failed. */
    public String pass() {
        return pass;
    }

    /** True when the pass threw an unexpected exception (a bug, not a problem of the model). */
    public boolean crashed() {
        return crashed;
    }

    /** The reproducer file written for this failure, or null. */
    public Path reproducer() {
        return reproducer;
    }
}
