package dev.nnc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** The outcome of running {@code nnc} in-process: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return run(null, args);
    }

    /** Runs with other subcommands than the real ones (to test the error handling itself). */
    static CliRun with(List<Object> subcommands, String... args) {
        return run(subcommands, args);
    }

    private static CliRun run(List<Object> subcommands, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int code;
        if (subcommands == null) {
            code = Main.execute(o, e, args);
        } else {
            CommandLine cl = Main.commandLine(o, e, subcommands);
            code = cl.execute(args);
        }
        o.flush();
        e.flush();
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The stderr lines. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
