package dev.nnc.tests.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with a fake {@code nnc} that echoes its input file: splitting, line numbers kept,
 * RUN line parsing, exit codes and FileCheck wiring. The real command runs in {@link IrFileTests}.
 */
class IrTestRunnerTest {
    @TempDir
    Path scratch;

    private final List<List<String>> calls = new ArrayList<>();

    /** {@code nnc cat FILE} prints the file's non-comment lines with their numbers; {@code nnc fail} exits 2; {@code nnc crash} exits 1. */
    private final IrTestRunner runner = new IrTestRunner((out, err, args) -> {
        calls.add(List.of(args));
        switch (args[0]) {
            case "cat":
                List<String> lines = read(Path.of(args[1]));
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isBlank() && !lines.get(i).startsWith("//")) {
                        out.println((i + 1) + ": " + lines.get(i));
                    }
                }
                return 0;
            case "fail":
                err.println("nnc: error: " + args[1] + ":3:1: bad");
                return 2;
            default:
                return 1;
        }
    });

    private static final String TWO_CASES = String.join("\n",
            "// RUN: nnc cat %s | FileCheck %s",
            "a",
            "// CHECK: 2: a",
            "// -----",
            "",
            "b",
            "// CHECK-NOT: a",
            "// CHECK: 6: b",
            "");

    @Test
    void splitsCasesAndKeepsLineNumbers() {
        IrTestFile f = IrTestFile.parse("dir/two.nir", TWO_CASES);
        assertEquals(List.of("dir/two.nir:1", "dir/two.nir:5"), f.cases().stream().map(IrTestCase::displayName).toList());
        for (IrTestCase c : f.cases()) {
            runner.run(f, c, scratch);
        }
        assertEquals(2, calls.size());
        assertTrue(calls.get(0).get(1).endsWith("two.nir"), calls.get(0).toString());
    }

    @Test
    void failingCheckNamesTheFileLineAndShowsTheCommand() {
        IrTestFile f = IrTestFile.parse("two.nir", TWO_CASES.replace("CHECK: 6: b", "CHECK: 7: b"));
        AssertionError e = assertThrows(AssertionError.class, () -> runner.run(f, f.cases().get(1), scratch));
        assertTrue(e.getMessage().startsWith("two.nir:8: error: CHECK: expected string not found"), e.getMessage());
        assertTrue(e.getMessage().contains("RUN line two.nir:1: nnc cat two.nir"), e.getMessage());
    }

    @Test
    void notExpectsAUserErrorAndStderrCanBeChecked() {
        IrTestFile f = IrTestFile.parse("e.nir", "// RUN: not nnc fail %s 2>&1 | FileCheck %s\nx\n// CHECK: e.nir:3:1: bad\n");
        runner.run(f, f.cases().get(0), scratch);
        IrTestFile crash = IrTestFile.parse("e.nir", "// RUN: not nnc crash %s\nx\n");
        AssertionError e = assertThrows(AssertionError.class, () -> runner.run(crash, crash.cases().get(0), scratch));
        assertTrue(e.getMessage().contains("expected exit code 2, got 1"), e.getMessage());
        IrTestFile unexpected = IrTestFile.parse("e.nir", "// RUN: nnc fail %s\nx\n");
        assertThrows(AssertionError.class, () -> runner.run(unexpected, unexpected.cases().get(0), scratch));
    }

    @Test
    void checkLinesWithoutFileCheckAreAnError() {
        IrTestFile f = IrTestFile.parse("u.nir", "// RUN: nnc cat %s\nx\n// CHECK: x\n");
        IrTestError e = assertThrows(IrTestError.class, () -> runner.run(f, f.cases().get(0), scratch));
        assertTrue(e.getMessage().contains("no RUN line pipes into 'FileCheck %s'"), e.getMessage());
    }

    @Test
    void expectedDiagnosticsWithoutVerifyDiagnosticsAreAnError() {
        IrTestFile f = IrTestFile.parse("v.nir", "// RUN: nnc cat %s\n// expected-error@+1 {{x}}\nx\n");
        IrTestError e = assertThrows(IrTestError.class, () -> runner.run(f, f.cases().get(0), scratch));
        assertTrue(e.getMessage().contains("no RUN line has --verify-diagnostics"), e.getMessage());
    }

    @Test
    void fileCheckWithoutCheckLinesIsAnError() {
        IrTestFile f = IrTestFile.parse("u.nir", "// RUN: nnc cat %s | FileCheck %s\nx\n");
        assertThrows(IrTestError.class, () -> runner.run(f, f.cases().get(0), scratch));
    }

    @Test
    void prefixesSelectDirectives() {
        IrTestFile f = IrTestFile.parse("p.nir", String.join("\n",
                "// RUN: nnc cat %s | FileCheck %s --check-prefix=ONE",
                "// RUN: nnc cat %s | FileCheck %s --check-prefixes=TWO,ONE",
                "x",
                "// ONE: 3: x",
                "y",
                "// TWO: 5: y",
                "// CHECK: never checked: no RUN line uses CHECK",
                ""));
        runner.run(f, f.cases().get(0), scratch);
        assertEquals(2, calls.size());
    }

    @Test
    void runLinesContinueAndQuote() {
        IrTestFile f = IrTestFile.parse("q.nir", "// RUN: nnc cat %s --pass-pipeline='a{x=1, y},b' \\\n// RUN:   \"--o=%t\" | FileCheck %s\nx\n// CHECK: x\n");
        RunLine r = f.runs().get(0);
        assertEquals(List.of("cat", "%s", "--pass-pipeline=a{x=1, y},b", "--o=%t"), r.args());
        assertEquals(List.of("CHECK"), r.checkPrefixes());
        assertEquals(1, r.line());
    }

    @Test
    void malformedRunLines() {
        assertThrows(IrTestError.class, () -> IrTestFile.parse("m.nir", "x\n"));
        assertThrows(IrTestError.class, () -> IrTestFile.parse("m.nir", "// RUN: mlir-opt %s\n"));
        assertThrows(IrTestError.class, () -> IrTestFile.parse("m.nir", "// RUN: nnc opt %s | grep x\n"));
        assertThrows(IrTestError.class, () -> IrTestFile.parse("m.nir", "// RUN: nnc opt '%s\n"));
        assertThrows(IrTestError.class, () -> IrTestFile.parse("m.nir", "// RUN: nnc opt %s | FileCheck %s --strict\n"));
        assertThrows(IrTestError.class, () -> IrTestFile.parse("m.nir", "// RUN: nnc opt %s \\\nx\n"));
    }

    @Test
    void commentOnlyPartsAreNotCases() {
        IrTestFile f = IrTestFile.parse("c.nir", "// RUN: nnc cat %s\n// just a header\n// -----\nx\n// -----\n\n");
        assertEquals(List.of("c.nir:4"), f.cases().stream().map(IrTestCase::displayName).toList());
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
