package dev.nnc.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnc.ir.diag.NncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against the installed Verilator: build with -G overrides, run, lint, and a build error. */
class VerilatorTest {
    @TempDir
    Path dir;

    private static void needVerilator() {
        assumeTrue(Verilator.available(), "verilator not on PATH: install Verilator 5.x (apt-get install verilator g++ make)");
    }

    @Test
    void absentVerilatorGivesInstallHint() {
        NncException e = assertThrows(NncException.class, () -> Verilator.find(dir.toString()));
        assertEquals("verilator not found: install Verilator 5.x (apt-get install verilator g++ make)", e.getMessage());
    }

    @Test
    void buildsWithParameterOverridesAndRuns() throws IOException {
        needVerilator();
        Path src = dir.resolve("top.sv");
        Files.writeString(src, """
                module top #(parameter int N = 1);
                    initial begin
                        $display("N=%0d", N);
                        $finish;
                    end
                endmodule
                """);
        Verilator v = Verilator.find();
        Path bin = v.build(VerilatorBuild.of(List.of(src), "top", dir.resolve("work")).withParameters(Map.of("N", "42")));
        ProcessResult r = v.run(bin, dir, List.of(), Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("N=42"), r.stdout());
    }

    /** The second build with the same runtime cache compiles only the design, and still runs. */
    @Test
    void runtimeCacheSkipsTheRuntimeObjects() throws IOException {
        needVerilator();
        Path src = dir.resolve("top.sv");
        Files.writeString(src, """
                module top #(parameter int N = 1);
                    initial begin
                        $display("N=%0d", N);
                        $finish;
                    end
                endmodule
                """);
        Verilator v = Verilator.find();
        Path cache = dir.resolve("cache");
        v.build(VerilatorBuild.of(List.of(src), "top", dir.resolve("w1")).withRuntimeCache(cache));
        assertTrue(Files.readString(dir.resolve("w1/verilator-build.log")).contains("verilated.cpp"));
        Path bin = v.build(VerilatorBuild.of(List.of(src), "top", dir.resolve("w2")).withRuntimeCache(cache)
                .withParameters(Map.of("N", "7")));
        String log = Files.readString(dir.resolve("w2/verilator-build.log"));
        assertTrue(!log.contains("verilated.cpp") && log.contains("Vtop__ALL"), log);
        ProcessResult r = v.run(bin, dir, List.of(), Duration.ofSeconds(60));
        assertTrue(r.stdout().contains("N=7"), r.stdout());
    }

    @Test
    void buildErrorNamesFirstErrorAndLog() throws IOException {
        needVerilator();
        Path src = dir.resolve("bad.sv");
        Files.writeString(src, "module bad;\n  assign x = ;\nendmodule\n");
        VerilatorException e = assertThrows(VerilatorException.class,
                () -> Verilator.find().build(VerilatorBuild.of(List.of(src), "bad", dir)));
        assertTrue(e.firstError().startsWith("%Error"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.sv:2"), e.getMessage());
        assertTrue(Files.exists(e.log()), e.getMessage());
    }

    @Test
    void lintReportsWarnings() throws IOException {
        needVerilator();
        Path src = dir.resolve("lint_me.sv");
        Files.writeString(src, """
                module lint_me (input logic [7:0] a, output logic [3:0] y);
                    assign y = a;
                endmodule
                """);
        List<String> problems = Verilator.find().lint(List.of(src), "lint_me");
        assertTrue(problems.stream().anyMatch(l -> l.contains("WIDTH")), problems.toString());
        Files.writeString(src, """
                module lint_me (input logic [7:0] a, output logic [7:0] y);
                    assign y = a;
                endmodule
                """);
        assertEquals(List.of(), Verilator.find().lint(List.of(src), "lint_me"));
    }
}
