package dev.nnc.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.cli.conformance.ConformanceRunner;
import dev.nnc.frontend.OnnxImporter;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.tests.O2;
import dev.nnc.tests.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The -O2 graph pipeline on every importable conformance model, whether or not the interpreter
 * can run it: it must finish with verified IR or report a one-line NncException, never crash.
 */
class O2RobustnessTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"node", "simple", "pytorch-operator", "lstm"})
    void o2NeverCrashes(String folder) throws IOException {
        Path root = TestData.require("onnx-tests/" + folder);
        List<String> crashes = new ArrayList<>();
        for (Path dir : ConformanceRunner.collect(List.of(root))) {
            ModuleOp m;
            try {
                m = OnnxImporter.importFile(dir.resolve("model.onnx"));
            } catch (NncException e) {
                continue; // not importable: nothing to optimize
            }
            try {
                O2.run(m);
            } catch (NncException e) {
                crashes.add(dir.getFileName() + ": " + e.oneLine());
            } catch (RuntimeException | StackOverflowError e) {
                crashes.add(dir.getFileName() + ": crash " + e);
            }
        }
        assertEquals(List.of(), crashes);
    }
}
