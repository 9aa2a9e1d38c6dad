package dev.nnc.sim.verilator;

import dev.nnc.ir.diag.NncException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the Verilator executable found on {@code PATH}: builds a {@code --binary} simulation of
 * SystemVerilog sources, runs it, and lints sources with {@code --lint-only -Wall}. Used by the
 * co-simulation tests and by {@code nnc sim --engine verilator}.
 *
 * <p>The C++ is compiled with {@code -O1} and two jobs: for co-simulation the compile dominates
 * (measured on the FIFO testbench: 2.9 s at {@code -O1}, 5.6 s at Verilator's default
 * {@code -Os}, 6.7 s at {@code -O2}, 2.3 s at {@code -O0}, all simulating in the same 5 ms), and
 * {@code -O1} keeps long simulations of whole networks reasonably fast.
 */
public final class Verilator {
    /** Make variables that set the C++ optimisation level of every object file. */
    private static final List<String> MAKE_FLAGS = List.of("OPT_FAST=-O1", "OPT_SLOW=-O1", "OPT_GLOBAL=-O1");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private final Path executable;
    private String version;

    private Verilator(Path executable) {
        this.executable = executable;
    }

    /** The Verilator on {@code PATH}; throws the install hint when there is none. */
    public static Verilator find() {
        return find(System.getenv("PATH"));
    }

    /** {@link #find()} on the given {@code PATH} value. */
    static Verilator find(String pathEnv) {
        Path exe = onPath(pathEnv);
        if (exe == null) {
            throw new NncException("verilator not found: install Verilator 5.x (apt-get install verilator g++ make)");
        }
        return new Verilator(exe);
    }

    /** Whether {@code verilator} is on {@code PATH} (tests skip themselves when it is not). */
    public static boolean available() {
        return onPath(System.getenv("PATH")) != null;
    }

    private static Path onPath(String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "verilator");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    public Path executable() {
        return executable;
    }

    /**
     * Builds the simulation executable {@code <workDir>/obj_dir/V<top>}; the whole log goes to
     * {@code <workDir>/verilator-build.log}. Throws {@link VerilatorException} with the log's
     * first error line when Verilator or the C++ build fails. With a runtime cache, Verilator's
     * runtime objects come from the cache when it has them (verilate, then make), and a full
     * build fills it.
     */
    public Path build(VerilatorBuild b) {
        Path work = b.workDir().toAbsolutePath();
        Path objDir = work.resolve("obj_dir");
        Path log = work.resolve("verilator-build.log");
        String what = "verilator build of '" + b.top() + "'";
        RuntimeCache cache = b.runtimeCache() == null ? null : RuntimeCache.in(b.runtimeCache(), version(), MAKE_FLAGS);
        boolean reuse = cache != null && !cache.objects().isEmpty();
        List<String> cmd = new ArrayList<>(List.of(executable.toString()));
        cmd.addAll(reuse ? List.of("--cc", "--exe", "--main", "--timing") : List.of("--binary", "-j", "2"));
        cmd.addAll(List.of("--top-module", b.top(), "-Mdir", objDir.toString(), "-o", "V" + b.top(),
                "--x-assign", "0", "--x-initial", "0"));
        if (!b.warningsFatal()) {
            cmd.add("-Wno-fatal");
        }
        for (Map.Entry<String, String> p : b.parameters().entrySet()) {
            cmd.add("-G" + p.getKey() + "=" + p.getValue());
        }
        if (!reuse) {
            cmd.add("-MAKEFLAGS");
            cmd.add(String.join(" ", MAKE_FLAGS));
        }
        for (Path s : b.sources()) {
            cmd.add(s.toAbsolutePath().toString());
        }
        int code = exec(cmd, work, log, false, BUILD_TIMEOUT, what);
        if (code == 0 && reuse) {
            try {
                cache.restore(objDir);
            } catch (IOException e) {
                throw new NncException(what + ": cannot copy the cached Verilator runtime: " + e.getMessage());
            }
            List<String> make = new ArrayList<>(List.of("make", "-C", objDir.toString(), "-f", "V" + b.top() + ".mk", "-j", "2"));
            make.addAll(MAKE_FLAGS);
            code = exec(make, work, log, true, BUILD_TIMEOUT, what);
        }
        Path binary = objDir.resolve("V" + b.top());
        if (code != 0 || !Files.isExecutable(binary)) {
            throw new VerilatorException(what + " failed", firstError(log), log);
        }
        if (cache != null && !reuse) {
            try {
                cache.store(objDir);
            } catch (IOException e) {
                // a cache that cannot be filled only costs time
            }
        }
        return binary;
    }

    /** The first line of {@code verilator --version} (cached per instance). */
    private String version() {
        if (version == null) {
            try {
                Path out = Files.createTempFile("nnc-verilator-version", ".txt");
                try {
                    exec(List.of(executable.toString(), "--version"), out.getParent(), out, false, BUILD_TIMEOUT,
                            "verilator --version");
                    version = read(out).strip() + " " + executable;
                } finally {
                    Files.deleteIfExists(out);
                }
            } catch (IOException e) {
                throw new NncException("verilator --version: " + e.getMessage());
            }
        }
        return version;
    }

    /**
     * Runs a built simulation with {@code dir} as its working directory (where its
     * {@code $readmemh}/{@code $fopen} paths resolve). A non-zero exit is returned, not thrown;
     * running past {@code timeout} kills it and throws.
     */
    public ProcessResult run(Path binary, Path dir, List<String> args, Duration timeout) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toAbsolutePath().toString());
        cmd.addAll(args);
        Path out = dir.resolve("sim.stdout");
        Path err = dir.resolve("sim.stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        int code = waitFor(pb, timeout, "simulation " + binary.getFileName(), err);
        return new ProcessResult(code, read(out), read(err));
    }

    /**
     * {@code verilator --lint-only -Wall} of {@code top} in {@code files}: the warning and error
     * lines, empty when the sources are clean.
     */
    public List<String> lint(List<Path> files, String top) {
        return lint(files, top, Map.of());
    }

    /**
     * As {@link #lint(List, String)} with the top's parameters overridden ({@code -G}; name →
     * Verilog literal, strings in double quotes), to lint a primitive as one instance would use it.
     */
    public List<String> lint(List<Path> files, String top, Map<String, String> parameters) {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--lint-only", "-Wall",
                "--top-module", top));
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            cmd.add("-G" + p.getKey() + "=" + p.getValue());
        }
        for (Path f : files) {
            cmd.add(f.toAbsolutePath().toString());
        }
        try {
            Path log = Files.createTempFile("nnc-lint-", ".log");
            try {
                exec(cmd, files.get(0).toAbsolutePath().getParent(), log, false, BUILD_TIMEOUT, "verilator lint of " + top);
                List<String> problems = new ArrayList<>();
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.startsWith("%Warning") || line.startsWith("%Error")) {
                        problems.add(line);
                    }
                }
                return problems;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new NncException("verilator lint of " + top + ": " + e.getMessage());
        }
    }

    private static int exec(List<String> cmd, Path dir, Path log, boolean append, Duration timeout, String what) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NncException(what + ": cannot create " + dir + ": " + e.getMessage());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        return waitFor(pb, timeout, what, log);
    }

    private static int waitFor(ProcessBuilder pb, Duration timeout, String what, Path log) {
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new NncException(what + ": cannot start " + pb.command().get(0) + ": " + e.getMessage());
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new VerilatorException(what + " timed out after " + timeout.toSeconds() + " s", null, log);
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NncException(what + " interrupted");
        }
    }

    /** The first line of a Verilator / make / g++ log that reports an error. */
    static String firstError(Path log) {
        List<String> lines = read(log).lines().toList();
        for (String l : lines) {
            if (l.startsWith("%Error")) {
                return l.strip();
            }
        }
        for (String l : lines) {
            if (l.contains("error:") || l.contains("Error ") || l.startsWith("make: ***")) {
                return l.strip();
            }
        }
        return lines.isEmpty() ? null : lines.get(lines.size() - 1).strip();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static File nullFile() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }
}
