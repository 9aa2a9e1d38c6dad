package dev.nnc.ir.core;

/**
 * Where an operation came from: an ONNX node name (printed as {@code loc("conv1")}) and/or a
 * position in an IR text file. Diagnostics print it first; equality of IR ignores it.
 */
public record Location(String name, String file, int line, int column) {
    public static final Location UNKNOWN = new Location(null, null, 0, 0);

    public static Location named(String name) {
        return new Location(name == null || name.isEmpty() ? null : name, null, 0, 0);
    }

    public static Location at(String file, int line, int column) {
        return new Location(null, file, line, column);
    }

    public Location withName(String n) {
        return new Location(n, file, line, column);
    }

    /** {@code file:line:col}, {@code node 'name'}, both, or {@code <unknown>}. */
    @Override
    public String toString() {
        String pos = file != null ? file + ":" + line + ":" + column : null;
        String node = name != null ? "node '" + name + "'" : null;
        if (pos != null && node != null) {
            return pos + ": " + node;
        }
        return pos != null ? pos : node != null ? node : "<unknown>";
    }
}
