package dev.nnc.hls.names;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The identifiers already used in one scope (a module's ports, wires and instances, or a build
 * folder's files). Names are compared without case, because VHDL and some file systems ignore it.
 * Claims are answered in call order, so walking the netlist in a fixed order gives fixed names.
 */
public final class NameTable {
    private final Set<String> used = new HashSet<>();

    /** Marks names that no claim may return (e.g. {@code clk}, {@code rst}). */
    public NameTable reserve(String... names) {
        for (String n : names) {
            used.add(key(n));
        }
        return this;
    }

    /**
     * The first of {@code base}, {@code base_1}, {@code base_2}, ... such that it and every
     * {@code name + suffix} are unused; claims them all. {@code base} must already be legal.
     */
    public String claim(String base, List<String> suffixes) {
        for (int n = 0; ; n++) {
            String candidate = n == 0 ? base : base + "_" + n;
            if (free(candidate, suffixes)) {
                used.add(key(candidate));
                for (String s : suffixes) {
                    used.add(key(candidate + s));
                }
                return candidate;
            }
        }
    }

    /** {@link #claim(String, List)} with no derived names. */
    public String claim(String base) {
        return claim(base, List.of());
    }

    public boolean isUsed(String name) {
        return used.contains(key(name));
    }

    private boolean free(String candidate, List<String> suffixes) {
        if (used.contains(key(candidate)) || VerilogNames.isReserved(candidate)) {
            return false;
        }
        for (String s : suffixes) {
            if (used.contains(key(candidate + s)) || VerilogNames.isReserved(candidate + s)) {
                return false;
            }
        }
        return true;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
