package dev.nnc.sim;

import dev.nnc.ir.diag.NncException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a simulation executable and measures its CPU time as well as its wall time: through
 * bash's {@code times} (children's user + system time) where bash exists, so that benchmarks on a
 * loaded machine compare CPU with CPU.
 *
 * @param exitCode the program's exit code
 * @param output   what it printed (stdout and stderr)
 * @param wallNanos wall time
 * @param cpuNanos  user + system time of the program, -1 if unknown
 */
public record TimedProcess(int exitCode, String output, long wallNanos, long cpuNanos) {
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");
    private static final String MARK = "nnc-times:";

    public static TimedProcess run(List<String> command, Path dir, Path log, Duration timeout) {
        Path bash = Path.of("/bin/bash");
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(bash);
        if (timed) {
            cmd.addAll(List.of(bash.toString(), "-c", "\"$@\"; rc=$?; echo " + MARK + "; times; exit $rc", "bash"));
        }
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new NncException("cannot start " + command.get(0) + ": " + e.getMessage());
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new NncException(command.get(0) + " timed out after " + timeout.toSeconds() + " s (log: " + log + ")");
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NncException(command.get(0) + " interrupted");
        }
        long wall = System.nanoTime() - start;
        String out;
        try {
            out = Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            out = "";
        }
        long cpu = -1;
        int mark = out.lastIndexOf(MARK);
        if (timed && mark >= 0) {
            List<String> lines = out.substring(mark).lines().toList();
            if (lines.size() >= 3) {
                Matcher m = TIMES.matcher(lines.get(2));
                if (m.find()) {
                    cpu = nanos(m.group(1), m.group(2)) + nanos(m.group(3), m.group(4));
                }
            }
            out = out.substring(0, mark);
        }
        return new TimedProcess(p.exitValue(), out, wall, cpu);
    }

    private static long nanos(String minutes, String seconds) {
        return Long.parseLong(minutes) * 60_000_000_000L + Math.round(Double.parseDouble(seconds) * 1e9);
    }
}
