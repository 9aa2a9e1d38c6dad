package dev.nnc.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code nnc} command. Subcommands are listed in {@link #subcommands()}; {@link ErrorHandlers}
 * turns every failure into one line on stderr (exit 2 for the user's mistakes, 1 for our bugs).
 */
@Command(name = "nnc", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"nnc, an open neural-network compiler.",
            "Imports ONNX models into a textual IR, optimizes them with passes, runs them on the reference "
                    + "interpreter or as generated Java (the CPU backend) and checks that interpreter against the ONNX conformance tests."},
        footer = {"", "Run 'nnc COMMAND --help' for the options of a command.",
            "Exit codes: 0 success, 2 bad input or usage, 1 internal error (a bug: please report it)."})
public final class Main implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of internal errors (same as environment NNC_DEBUG=1).")
    private boolean debug;

    /** The subcommands, in the order {@code --help} lists them. Add a command here. */
    static List<Object> subcommands() {
        return List.of(new ImportCommand(), new OptCommand(), new QuantizeCommand(), new RunCommand(), new BenchCommand(), new CompileCommand(),
                new SimCommand(), new ConformanceCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(out, err, args));
    }

    /** Runs {@code nnc args} in-process with the given streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        try {
            return commandLine(out, err).execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli only handles Exceptions; these two come from models too large or too deep
            err.println("nnc: error: " + (e instanceof OutOfMemoryError
                    ? "out of memory (give Java more with JAVA_TOOL_OPTIONS=-Xmx8g)"
                    : "stack overflow (the model is nested too deeply)"));
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured command line: subcommands, streams and error handlers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, subcommands());
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Object> subcommands) {
        CommandLine cl = new CommandLine(new Main());
        for (Object sub : subcommands) {
            cl.addSubcommand(sub);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(ErrorHandlers::usageError);
        cl.setExecutionExceptionHandler(ErrorHandlers::executionError);
        return cl;
    }
}
