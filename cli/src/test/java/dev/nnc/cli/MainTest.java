package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.diag.NncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void versionComesFromTheBuild() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("nnc " + System.getProperty("nnc.expectedVersion", "0.")), r.out());
        assertFalse(r.out().contains("${"), "version resource was not filtered: " + r.out());
    }

    @Test
    void helpListsEveryCommandWithItsDescription() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().matches("(?s).*\\bimport +Import an ONNX model.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\bopt +Run optimization passes on a model.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\brun +Run a model on the reference interpreter.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\bconformance +Run ONNX backend tests.*"), r.out());
        for (String cmd : List.of("import", "opt", "run")) {
            CliRun sub = CliRun.of(cmd, "--help");
            assertEquals(0, sub.exitCode());
            assertTrue(sub.out().startsWith("Usage: nnc " + cmd), sub.out());
            assertTrue(sub.out().contains("--input-shape=NAME=DIMS"), sub.out());
        }
    }

    @Test
    void usageErrorsAreOneLineWithExitTwo() {
        assertOneLineError(CliRun.of("frobnicate"), "nnc: error: Unmatched argument at index 0: 'frobnicate' (see 'nnc --help')");
        assertOneLineError(CliRun.of("run"), "nnc: error: Missing required parameter: 'MODEL' (see 'nnc run --help')");
        assertOneLineError(CliRun.of("import", "a.onnx", "--bogus"), "nnc: error: Unknown option: '--bogus' (see 'nnc import --help')");
    }

    @Test
    void noCommandShowsUsageAndExitsTwo() {
        CliRun r = CliRun.of();
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("Usage: nnc"), r.err());
        assertTrue(r.err().strip().endsWith("nnc: error: no command given (see 'nnc --help')"), r.err());
    }

    @Test
    void badOptionValuesAndMissingFilesNameTheCulprit() {
        assertOneLineError(CliRun.of("run", "m.onnx", "--input-shape", "x=1xa"),
                "nnc: error: --input-shape x=1xa: 'a' is not a size (write sizes like 1x3x224x224)");
        Path absent = dir.resolve("absent.onnx");
        assertOneLineError(CliRun.of("import", absent.toString()), "nnc: error: " + absent + ": no such file");
        assertOneLineError(CliRun.of("run", absent.toString(), "-o", dir.resolve("out.txt").toString()),
                "nnc: error: " + dir.resolve("out.txt") + ": output file must end in .npz (or .npy for a single output)");
        assertOneLineError(CliRun.of("run", dir.toString()), "nnc: error: " + dir + ": is a directory, not a file");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Parameters(defaultValue = "internal")
        String kind;

        @Override
        public Integer call() {
            if (kind.equals("user")) {
                throw new NncException("model.onnx: node 'n1': something the user can fix");
            }
            throw new IllegalStateException("invariant broken");
        }
    }

    @Test
    void internalErrorsAreOneLineWithAHintAndNoStackTrace() {
        CliRun r = CliRun.with(List.of(new Boom()), "boom");
        assertEquals(1, r.exitCode());
        assertEquals(List.of("nnc: internal error: java.lang.IllegalStateException: invariant broken"
                + " (a bug in nnc; rerun with --debug for details and report it)"), r.errLines());
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun r = CliRun.with(List.of(new Boom()), "boom", "--debug");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("\tat dev.nnc.cli.MainTest$Boom.call"), r.err());
        CliRun top = CliRun.with(List.of(new Boom()), "--debug", "boom");
        assertTrue(top.err().contains("\tat dev.nnc.cli.MainTest$Boom.call"), top.err());
    }

    @Test
    void userErrorsFromCommandsExitTwo() {
        assertOneLineError(CliRun.with(List.of(new Boom()), "boom", "user"),
                "nnc: error: model.onnx: node 'n1': something the user can fix");
    }

    static void assertOneLineError(CliRun r, String expected) {
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(List.of(expected), r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void writesNothingWhenItFails() throws Exception {
        Path out = dir.resolve("out.npz");
        CliRun r = CliRun.of("run", dir.resolve("absent.onnx").toString(), "-o", out.toString());
        assertEquals(2, r.exitCode());
        assertFalse(Files.exists(out));
    }
}
