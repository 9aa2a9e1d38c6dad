package dev.nnc.sim.verilator;

import dev.nnc.ir.diag.NncException;
import java.nio.file.Path;

/**
 * Verilator (or the C++ build it drives, or the simulation it built) failed. The message is one
 * line: what failed, the log's first error line, and where the whole log is.
 */
public final class VerilatorException extends NncException {
    private static final long serialVersionUID = 1L;
    private final transient Path log;
    private final String firstError;

    public VerilatorException(String what, String firstError, Path log) {
        super(what + (firstError == null ? "" : ": " + firstError) + (log == null ? "" : " (log: " + log + ")"));
        this.firstError = firstError;
        this.log = log;
    }

    /** The complete log file, or null. */
    public Path log() {
        return log;
    }

    /** The first line of the log that reports an error, or null when none was recognised. */
    public String firstError() {
        return firstError;
    }
}
