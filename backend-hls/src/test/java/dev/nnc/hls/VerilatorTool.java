package dev.nnc.hls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs verilator and the binaries it builds, for tests; skips the test when verilator is absent. */
public final class VerilatorTool {
    private VerilatorTool() {
    }

    /** Skips the calling test (with the reason) unless {@code verilator} is on PATH. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(onPath("verilator"), "verilator not on PATH: install Verilator 5.x to run this test");
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    /** The result of one process: exit code and merged output. */
    public record Run(int exit, String output) {
    }

    public static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("nnc-verilator", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** {@code verilator --lint-only -Wall} on every .sv file of {@code rtl} with top {@code top}. */
    public static Run lint(Path rtl, String top) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
        cmd.addAll(svFiles(rtl));
        return run(rtl, cmd);
    }

    /** Builds the testbench {@code tbTop} in {@code tbFile} with the RTL of {@code rtl}; returns the binary. */
    public static Path build(Path rtl, Path tbFile, String tbTop, Path work) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--binary", "-Wall", "-O1", "-j", "2",
                "--top-module", tbTop, "-Mdir", work.toString(), "-o", "sim", tbFile.toAbsolutePath().toString()));
        cmd.addAll(svFiles(rtl));
        Run r = run(rtl, cmd);
        if (r.exit() != 0) {
            throw new AssertionError("verilator --binary failed:\n" + r.output());
        }
        return work.resolve("sim");
    }

    private static List<String> svFiles(Path rtl) throws IOException {
        try (var s = Files.list(rtl)) {
            return s.filter(p -> p.toString().endsWith(".sv")).map(p -> p.toAbsolutePath().toString()).sorted().toList();
        }
    }
}
