package dev.nnc.cli;

import dev.nnc.ir.diag.NncException;
import dev.nnc.passes.PassFailure;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into what a user should see: {@code nnc: error: <one line>} and exit code 2 for
 * bad input or usage, a one-line "internal error" with a hint and exit code 1 for anything else.
 * A stack trace is printed only on request ({@code --debug} or environment {@code NNC_DEBUG}).
 */
final class ErrorHandlers {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 1;

    private ErrorHandlers() {
    }

    /** picocli's handler for command-line syntax errors. */
    static int usageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String help = cl.getCommandSpec().qualifiedName() + " --help";
        err.println("nnc: error: " + oneLine(ex.getMessage()) + " (see '" + help + "')");
        return USER_ERROR;
    }

    /** picocli's handler for exceptions thrown by a command. */
    static int executionError(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof PassFailure f && f.crashed()) {
            // a pass threw: a bug, but the message already names the pass and the reproducer
            err.println("nnc: internal error: " + f.oneLine());
            if (debugRequested(parsed)) {
                ex.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        }
        if (ex instanceof NncException nnc) {
            err.println("nnc: error: " + nnc.oneLine());
            if (debugRequested(parsed)) {
                ex.printStackTrace(err);
            }
            return USER_ERROR;
        }
        err.println("nnc: internal error: " + oneLine(ex.toString())
                + (debugRequested(parsed) ? "" : " (a bug in nnc; rerun with --debug for details and report it)"));
        if (debugRequested(parsed)) {
            ex.printStackTrace(err);
        }
        return INTERNAL_ERROR;
    }

    /** True when {@code --debug} was given at any level or NNC_DEBUG is set to anything but 0. */
    static boolean debugRequested(ParseResult parsed) {
        String env = System.getenv("NNC_DEBUG");
        if (env != null && !env.isEmpty() && !env.equals("0")) {
            return true;
        }
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
