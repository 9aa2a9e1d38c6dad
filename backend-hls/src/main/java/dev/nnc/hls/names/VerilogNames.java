package dev.nnc.hls.names;

import java.util.Set;

/**
 * Turns any name (an ONNX node or tensor name such as {@code /features/0/Conv_output_0}) into a
 * legal, readable SystemVerilog identifier. The result is a pure function of the input, so the
 * same model always gives the same RTL; uniqueness is {@link NameTable}'s job.
 */
public final class VerilogNames {
    /** Longest identifier kept; longer names are cut (uniqueness is restored by the name table). */
    public static final int MAX_LENGTH = 64;

    /**
     * Reserved words of IEEE 1800-2017 (SystemVerilog, which includes Verilog-2005's) plus the
     * VHDL-2008 words, so the same names also serve a VHDL backend; compared in lower case.
     */
    private static final Set<String> RESERVED = Set.copyOf(java.util.List.of(
            "accept_on", "alias", "always", "always_comb", "always_ff", "always_latch", "and", "assert", "assign",
            "assume", "automatic", "before", "begin", "bind", "bins", "binsof", "bit", "break", "buf", "bufif0",
            "bufif1", "byte", "case", "casex", "casez", "cell", "chandle", "checker", "class", "clocking", "cmos",
            "config", "const", "constraint", "context", "continue", "cover", "covergroup", "coverpoint", "cross",
            "deassign", "default", "defparam", "design", "disable", "dist", "do", "edge", "else", "end", "endcase",
            "endchecker", "endclass", "endclocking", "endconfig", "endfunction", "endgenerate", "endgroup",
            "endinterface", "endmodule", "endpackage", "endprimitive", "endprogram", "endproperty", "endspecify",
            "endsequence", "endtable", "endtask", "enum", "event", "eventually", "expect", "export", "extends",
            "extern", "final", "first_match", "for", "force", "foreach", "forever", "fork", "forkjoin", "function",
            "generate", "genvar", "global", "highz0", "highz1", "if", "iff", "ifnone", "ignore_bins",
            "illegal_bins", "implements", "implies", "import", "incdir", "include", "initial", "inout", "input",
            "inside", "instance", "int", "integer", "interconnect", "interface", "intersect", "join", "join_any",
            "join_none", "large", "let", "liblist", "library", "local", "localparam", "logic", "longint",
            "macromodule", "matches", "medium", "modport", "module", "nand", "negedge", "nettype", "new", "nexttime",
            "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "null", "or", "output", "package", "packed",
            "parameter", "pmos", "posedge", "primitive", "priority", "program", "property", "protected", "pull0",
            "pull1", "pulldown", "pullup", "pulsestyle_ondetect", "pulsestyle_onevent", "pure", "rand", "randc",
            "randcase", "randsequence", "rcmos", "real", "realtime", "ref", "reg", "reject_on", "release", "repeat",
            "restrict", "return", "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "s_always", "s_eventually",
            "s_nexttime", "s_until", "s_until_with", "scalared", "sequence", "shortint", "shortreal",
            "showcancelled", "signed", "small", "soft", "solve", "specify", "specparam", "static", "string", "strong",
            "strong0", "strong1", "struct", "super", "supply0", "supply1", "sync_accept_on", "sync_reject_on",
            "table", "tagged", "task", "this", "throughout", "time", "timeprecision", "timeunit", "tran", "tranif0",
            "tranif1", "tri", "tri0", "tri1", "triand", "trior", "trireg", "type", "typedef", "union", "unique",
            "unique0", "unsigned", "until", "until_with", "untyped", "use", "uwire", "var", "vectored", "virtual",
            "void", "wait", "wait_order", "wand", "weak", "weak0", "weak1", "while", "wildcard", "wire", "with",
            "within", "wor", "xnor", "xor",
            // VHDL-2008 words not already above
            "abs", "access", "after", "architecture", "array", "assert", "attribute", "block", "body", "buffer", "bus",
            "component", "configuration", "constant", "disconnect", "downto", "elsif", "entity", "exit", "file",
            "group", "guarded", "impure", "in", "inertial", "is", "label", "linkage", "literal", "loop", "map", "mod",
            "next", "of", "on", "open", "others", "out", "port", "postponed", "procedure", "process", "range",
            "record", "register", "reject", "rem", "report", "rol", "ror", "select", "severity", "shared", "signal",
            "sla", "sll", "sra", "srl", "subtype", "then", "to", "transport", "units", "variable", "when", "fairness",
            "vmode", "vprop", "vunit"));

    private VerilogNames() {
    }

    /**
     * A legal identifier for {@code raw}: every character outside {@code [A-Za-z0-9_]} becomes
     * {@code _}, runs of {@code _} collapse (VHDL forbids them), leading and trailing {@code _} go,
     * a leading digit gets {@code n_} in front, a reserved word gets {@code _i} appended, and the
     * result is cut to {@link #MAX_LENGTH}. An empty result becomes {@code fallback}.
     */
    public static String legal(String raw, String fallback) {
        String s = sanitize(raw);
        if (s.isEmpty()) {
            s = fallback;
        }
        if (Character.isDigit(s.charAt(0))) {
            s = "n_" + s;
        }
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
            while (s.endsWith("_")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        if (isReserved(s)) {
            s = s + "_i";
        }
        return s;
    }

    /**
     * {@code raw} with every character outside {@code [A-Za-z0-9_]} replaced by {@code _}, runs
     * of {@code _} collapsed and leading/trailing {@code _} removed; possibly empty, possibly a
     * reserved word: a part of a name, not yet a name.
     */
    public static String sanitize(String raw) {
        StringBuilder sb = new StringBuilder();
        if (raw != null) {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
                char out = ok ? c : '_';
                if (out == '_' && (sb.length() == 0 || sb.charAt(sb.length() - 1) == '_')) {
                    continue;
                }
                sb.append(out);
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /** True for a reserved word of SystemVerilog or VHDL (case-insensitively). */
    public static boolean isReserved(String s) {
        return RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT));
    }
}
