package dev.nnc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnc.cli.conformance.TensorComparison;
import dev.nnc.frontend.ImportOptions;
import dev.nnc.frontend.OnnxImporter;
import dev.nnc.frontend.TensorFiles;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real model in {@code shared/models}: import it, run each {@code test_data_set_N} through
 * the reference interpreter and compare with the reference outputs (rtol 1e-3, atol 1e-5, as the
 * models' README says). One dynamic test per model and data set, so a model that cannot run yet
 * shows up as failures carrying the reason.
 */
class ModelsTest {
    /** The models' README: rtol 1e-3, atol 1e-5. */
    static final TensorComparison TOLERANCE = new TensorComparison(1e-3, 1e-5);
    /** Models this suite does not cover, with why. */
    static final Set<String> EXCLUDED = Set.of(
            "tfc_2w2a_qonnx"); // QONNX Quant ops are a later level (fixed point), not in the onnx dialect

    @TestFactory
    Stream<DynamicNode> everyModelAndDataSet() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        Path models = ModelFiles.sharedOrSkip("models", nodes);
        for (Path dir : models == null ? List.<Path>of() : ModelFiles.subfolders(models)) {
            String name = dir.getFileName().toString();
            if (EXCLUDED.contains(name) || !Files.exists(dir.resolve("model.onnx"))) {
                continue;
            }
            LazyModel model = new LazyModel(dir.resolve("model.onnx"));
            List<DynamicTest> sets = new ArrayList<>();
            for (Path set : ModelFiles.dataSets(dir)) {
                sets.add(DynamicTest.dynamicTest(name + " " + set.getFileName(), set.toUri(), () -> check(model, set)));
            }
            nodes.add(DynamicContainer.dynamicContainer(name, dir.toUri(), sets.stream()));
        }
        return nodes.stream();
    }

    private static void check(LazyModel model, Path set) throws IOException {
        ModuleOp module = model.get();
        List<String> inputNames = module.mainFunction().inputNames();
        List<Path> inputs = ModelFiles.numbered(set, "input_");
        assertEquals(inputNames.size(), inputs.size(), "input files in " + set + " vs model inputs " + inputNames);
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            in.put(inputNames.get(i), TensorFiles.readTensorProto(inputs.get(i)));
        }
        Map<String, Tensor> out = new Interpreter().run(module, in);
        List<Path> expected = ModelFiles.numbered(set, "output_");
        assertEquals(expected.size(), out.size(), "number of outputs");
        List<String> problems = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, Tensor> e : out.entrySet()) {
            String diff = TOLERANCE.mismatch(TensorFiles.readTensorProto(expected.get(k++)), e.getValue());
            if (diff != null) {
                problems.add("output '" + e.getKey() + "': " + diff);
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("; ", problems));
        }
    }

    /** Imports a model once, on first use, and remembers the result or the error for every data set. */
    static final class LazyModel {
        private final Path file;
        private ModuleOp module;
        private NncException error;

        LazyModel(Path file) {
            this.file = file;
        }

        synchronized ModuleOp get() {
            if (module == null && error == null) {
                try {
                    module = OnnxImporter.importFile(file, ImportOptions.defaults());
                } catch (NncException e) {
                    error = e;
                }
            }
            if (error != null) {
                throw new AssertionError("import failed: " + error.oneLine(), error);
            }
            return module;
        }
    }
}
