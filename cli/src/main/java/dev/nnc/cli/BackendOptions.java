package dev.nnc.cli;

import dev.nnc.cli.exec.CpuExecutor;
import dev.nnc.cli.exec.Executor;
import dev.nnc.cli.exec.InterpreterExecutor;
import dev.nnc.cpu.CpuOptions;
import dev.nnc.ir.diag.NncException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --backend}, {@code --threads} and {@code --emit-java}, shared by the commands that execute a model. */
public final class BackendOptions {
    /** The execution paths a command can choose. */
    public enum Backend { INTERP, CPU }

    @Option(names = "--backend", paramLabel = "interp|cpu", defaultValue = "interp",
            description = "interp: the reference interpreter; cpu: Java kernels generated for the model and compiled "
                    + "in process; a node without a Java lowering runs on the interpreter (see --no-fallback). Default: interp.")
    private Backend backend = Backend.INTERP;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads the cpu backend splits large layers over. Default: 1.")
    private int threads = 1;

    @Option(names = "--emit-java", paramLabel = "DIR",
            description = "Also write the cpu backend's generated Java source under DIR (a source root).")
    private Path emitJava;

    @Option(names = "--no-fallback",
            description = "cpu backend: refuse a model with a node that has no Java lowering, instead of running that "
                    + "node on the interpreter (measures native coverage).")
    private boolean noFallback;

    public Backend backend() {
        return backend;
    }

    public int threads() {
        return threads;
    }

    /** The chosen executor, silent about the nodes the cpu backend runs on the interpreter. */
    public Executor executor() {
        return executor(null);
    }

    /**
     * The chosen executor; rejects options that do not apply to it. The cpu backend prints one
     * line to {@code notes} (unless null) listing the nodes that run on the interpreter.
     */
    public Executor executor(java.io.PrintWriter notes) {
        if (threads < 1) {
            throw new NncException("--threads must be at least 1, got " + threads);
        }
        if (backend == Backend.INTERP) {
            if (emitJava != null) {
                throw new NncException("--emit-java needs --backend cpu");
            }
            if (noFallback) {
                throw new NncException("--no-fallback needs --backend cpu");
            }
            return new InterpreterExecutor();
        }
        return new CpuExecutor(new CpuOptions(threads, !noFallback), emitJava,
                note -> {
                    if (notes != null) {
                        notes.println("note: " + note);
                        notes.flush();
                    }
                });
    }

    /** The name generated code takes: the file name without extension, or its folder's for a generic {@code model.onnx}. */
    static String modelName(Path model) {
        Path abs = model.toAbsolutePath().normalize();
        String file = abs.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        if (stem.toLowerCase(Locale.ROOT).equals("model") && abs.getParent() != null && abs.getParent().getFileName() != null) {
            return abs.getParent().getFileName().toString();
        }
        return stem;
    }
}
