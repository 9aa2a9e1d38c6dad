package dev.nnc.ir.diag;

import dev.nnc.ir.core.Location;

/**
 * An error the user caused or can fix (bad file, unsupported op, wrong shape). Its message is one
 * line that names the file, node or value; the command prints it and exits with code 2.
 */
public class NncException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    public NncException(String message) {
        this(null, message, null);
    }

    public NncException(Location location, String message) {
        this(location, message, null);
    }

    public NncException(Location location, String message, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    public Location location() {
        return location;
    }

    /** The one line shown to the user: {@code location: message}. */
    public String oneLine() {
        String loc = location == null || location.equals(Location.UNKNOWN) ? "" : location + ": ";
        return (loc + getMessage()).replace('\n', ' ');
    }
}
