package dev.nnc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnc.cli.conformance.TensorComparison;
import dev.nnc.frontend.ImportOptions;
import dev.nnc.frontend.OnnxImporter;
import dev.nnc.frontend.TensorFiles;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.cli.io.Npz;
import dev.nnc.ir.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real model in {@code shared/models}: run each {@code test_data_set_N} through the real
 * command, {@code nnc run model.onnx --input NAME=input_K.pb ... -o out.npz} (import and reference
 * interpreter), and compare the saved outputs with the reference outputs (rtol 1e-3, atol 1e-5, as
 * the models' README says). One dynamic test per model and data set, so a model that cannot run yet
 * shows up as failures carrying the reason.
 */
class ModelsTest {
    /** The models' README: rtol 1e-3, atol 1e-5. */
    static final TensorComparison TOLERANCE = new TensorComparison(1e-3, 1e-5);
    /** Models this suite does not cover, with why. */
    static final Map<String, String> EXCLUSION_REASONS = Map.of();
    static final Set<String> EXCLUDED = EXCLUSION_REASONS.keySet();

    @TestFactory
    Stream<DynamicNode> everyModelAndDataSet() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        Path models = ModelFiles.sharedOrSkip("models", nodes);
        for (Path dir : models == null ? List.<Path>of() : ModelFiles.subfolders(models)) {
            String name = dir.getFileName().toString();
            if (EXCLUDED.contains(name)) {
                String why = name + " skipped: " + EXCLUSION_REASONS.get(name);
                nodes.add(DynamicTest.dynamicTest(name, dir.toUri(), () -> Assumptions.abort(why)));
                continue;
            }
            if (!Files.exists(dir.resolve("model.onnx"))) {
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
        List<String> args = new ArrayList<>(List.of("run", model.file.toString()));
        for (int i = 0; i < inputs.size(); i++) {
            args.add("--input");
            args.add(inputNames.get(i) + "=" + inputs.get(i));
        }
        Path npz = Files.createTempFile("nnc-models-", ".npz");
        Map<String, Tensor> out;
        try {
            args.add("-o");
            args.add(npz.toString());
            BadInputCliTest.Run run = BadInputCliTest.nnc(args.toArray(new String[0]));
            assertEquals(0, run.code(), "nnc " + String.join(" ", args) + ": " + run.err());
            out = Npz.read(npz);
        } finally {
            Files.deleteIfExists(npz);
        }
        List<String> outputNames = module.mainFunction().outputNames();
        List<Path> expected = ModelFiles.numbered(set, "output_");
        assertEquals(expected.size(), out.size(), "number of outputs");
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < expected.size(); k++) {
            String name = outputNames.get(k);
            String diff = TOLERANCE.mismatch(TensorFiles.readTensorProto(expected.get(k)), out.get(name));
            if (diff != null) {
                problems.add("output '" + name + "': " + diff);
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
