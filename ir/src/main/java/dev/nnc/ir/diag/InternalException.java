package dev.nnc.ir.diag;

import dev.nnc.ir.core.Location;

/**
 * A bug in nnc surfaced while working on a user's model: an op's kernel threw something other
 * than {@link NncException}. It keeps the op's location so the report names the node, but it is
 * not the user's fault, so the command exits with 1 (internal error) rather than 2.
 */
public final class InternalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InternalException(Location location, String what, Throwable cause) {
        super((location == null || location.equals(Location.UNKNOWN) ? "" : location + ": ") + what + ": " + cause, cause);
    }

    /** The message alone: it already names the location, the op and the cause. */
    @Override
    public String toString() {
        return getMessage();
    }
}
