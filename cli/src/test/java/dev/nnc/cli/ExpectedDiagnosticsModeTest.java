package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnc opt --verify-diagnostics} through the real command (the .nir suites use it throughout). */
class ExpectedDiagnosticsModeTest {
    private static final String MODULE = String.join("\n",
            "\"builtin.module\"() <{opset = 13}> ({",
            "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"y\"], sym_name = \"main\"}> ({",
            "  ^bb0(%x: tensor<2xf32>):",
            "    BODY",
            "    \"func.return\"(%y) : (tensor<3xf32>) -> ()",
            "  }) : () -> ()",
            "}) : () -> ()",
            "");

    /**
     * Valid as written (the verifier sees %a as tensor<?xf32>), but once shape inference learns %a
     * is tensor<2xf32> the declared tensor<3xf32> of %y contradicts it: an error only the pass finds.
     */
    private static final String CHAIN = "// expected-error@+2 {{conflicts with declared type tensor<3xf32>}}\n"
            + "    %a = \"onnx.Relu\"(%x) : (tensor<2xf32>) -> tensor<?xf32>\n"
            + "    %y = \"onnx.Relu\"(%a) : (tensor<?xf32>) -> tensor<3xf32>";

    @TempDir
    Path dir;

    @Test
    void passErrorAtItsLineMatchesAndPrintsNothing() throws IOException {
        Path f = write(CHAIN);
        CliRun r = CliRun.of("opt", f.toString(), "--pass-pipeline=shape-inference", "--verify-diagnostics");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void withoutThePassTheExpectedErrorIsMissing() throws IOException {
        Path f = write(CHAIN);
        CliRun r = CliRun.of("opt", f.toString(), "--verify-diagnostics");
        assertEquals(2, r.exitCode());
        assertEquals(List.of(f + ":6: error: expected error \"conflicts with declared type tensor<3xf32>\" was not produced"
                + " (expected by the comment on line 4)"), r.errLines());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void onlyIrTextCarriesExpectations() throws IOException {
        Path onnx = Files.writeString(dir.resolve("m.onnx"), "");
        CliRun r = CliRun.of("opt", onnx.toString(), "--verify-diagnostics");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--verify-diagnostics reads the expected diagnostics from an IR text file (.nir)"), r.err());
    }

    private Path write(String body) throws IOException {
        return Files.writeString(dir.resolve("t.nir"), MODULE.replace("BODY", body));
    }
}
