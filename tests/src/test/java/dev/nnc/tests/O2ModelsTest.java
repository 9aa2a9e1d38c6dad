package dev.nnc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnc.cli.conformance.TensorComparison;
import dev.nnc.frontend.OnnxImporter;
import dev.nnc.frontend.TensorFiles;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Semantic preservation of the -O2 graph pipeline on every real model: for each data set, the
 * optimized module's outputs equal the un-optimized module's outputs (rtol 1e-4, atol 1e-6).
 */
class O2ModelsTest {
    static final TensorComparison TOLERANCE = new TensorComparison(1e-4, 1e-6);

    @TestFactory
    Stream<DynamicNode> o2KeepsEveryModelsOutputs() throws IOException {
        Path models = TestData.require("models");
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path dir : ModelFiles.subfolders(models)) {
            String name = dir.getFileName().toString();
            if (ModelsTest.EXCLUDED.contains(name) || !Files.exists(dir.resolve("model.onnx"))) {
                continue;
            }
            Pair pair = new Pair(dir.resolve("model.onnx"));
            List<DynamicTest> sets = new ArrayList<>();
            for (Path set : ModelFiles.dataSets(dir)) {
                sets.add(DynamicTest.dynamicTest(set.getFileName().toString(), set.toUri(), () -> check(pair, set)));
            }
            nodes.add(DynamicContainer.dynamicContainer(name, dir.toUri(), sets.stream()));
        }
        return nodes.stream();
    }

    private static void check(Pair pair, Path set) throws IOException {
        ModuleOp plain = pair.plain();
        ModuleOp optimized = pair.optimized();
        List<String> names = plain.mainFunction().inputNames();
        List<Path> inputs = ModelFiles.numbered(set, "input_");
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            in.put(names.get(i), TensorFiles.readTensorProto(inputs.get(i)));
        }
        Map<String, Tensor> expected = new Interpreter().run(plain, in);
        Map<String, Tensor> actual = new Interpreter().run(optimized, in);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "output names");
        List<String> problems = new ArrayList<>();
        for (String k : expected.keySet()) {
            String diff = TOLERANCE.mismatch(expected.get(k), actual.get(k));
            if (diff != null) {
                problems.add("output '" + k + "': " + diff);
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("; ", problems));
        }
    }

    /** A model imported twice, once left alone and once through -O2, on first use. */
    static final class Pair {
        private final Path file;
        private ModuleOp plain;
        private ModuleOp optimized;

        Pair(Path file) {
            this.file = file;
        }

        synchronized ModuleOp plain() {
            if (plain == null) {
                plain = OnnxImporter.importFile(file);
            }
            return plain;
        }

        synchronized ModuleOp optimized() {
            if (optimized == null) {
                ModuleOp m = OnnxImporter.importFile(file);
                O2.run(m);
                optimized = m;
            }
            return optimized;
        }
    }
}
