package dev.nnc.tests.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnc.cli.conformance.TensorComparison;
import dev.nnc.cpu.CompiledModel;
import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.CpuOptions;
import dev.nnc.frontend.ImportOptions;
import dev.nnc.frontend.OnnxImporter;
import dev.nnc.frontend.TensorFiles;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.tests.O2;
import dev.nnc.tests.ModelFiles;
import dev.nnc.tests.TestData;
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
 * Every real model in {@code shared/models} through the CPU backend (generated Java, compiled in
 * process), compared with the reference outputs that the interpreter also reproduces (ModelsTest)
 * at the models' tolerance, rtol 1e-3 / atol 1e-5, as imported and after the -O2 graph passes
 * (whose FusedConv/FusedGemm the backend runs too). Runs with 2 threads so the split paths of the
 * kernels are exercised too.
 */
class CpuModelsTest {
    private static final TensorComparison TOLERANCE = new TensorComparison(1e-3, 1e-5);
    /**
     * Models the interpreter does not run either (none since QONNX's Quant is imported). mnist8_qdq
     * is in: its integer ops (QuantizeLinear, ConvInteger, MatMulInteger on u8) run on the
     * interpreter fallback.
     */
    private static final Set<String> EXCLUDED = Set.of();

    @TestFactory
    Stream<DynamicNode> everyModelMatchesItsReference() throws IOException {
        Path models = TestData.require("models");
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path dir : ModelFiles.subfolders(models)) {
            String name = dir.getFileName().toString();
            if (EXCLUDED.contains(name) || !Files.exists(dir.resolve("model.onnx"))) {
                continue;
            }
            for (boolean optimized : new boolean[] {false, true}) {
                String label = optimized ? name + " -O2" : name;
                LazyCompiled model = new LazyCompiled(dir.resolve("model.onnx"), name, optimized);
                List<DynamicTest> sets = new ArrayList<>();
                for (Path set : ModelFiles.dataSets(dir)) {
                    sets.add(DynamicTest.dynamicTest(label + " " + set.getFileName(), set.toUri(),
                            () -> check(model.get(), set)));
                }
                nodes.add(DynamicContainer.dynamicContainer(label, dir.toUri(), sets.stream()));
            }
        }
        return nodes.stream();
    }

    private static void check(CompiledModel model, Path set) throws IOException {
        List<String> inputNames = model.source().inputNames();
        List<Path> inputs = ModelFiles.numbered(set, "input_");
        assertEquals(inputNames.size(), inputs.size(), "input files in " + set);
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            in.put(inputNames.get(i), TensorFiles.readTensorProto(inputs.get(i)));
        }
        Map<String, Tensor> out = model.run(in);
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

    /** Imports (and with {@code optimized} runs the -O2 graph passes on) and compiles a model once, on first use. */
    private static final class LazyCompiled {
        private final Path file;
        private final String name;
        private final boolean optimized;
        private CompiledModel model;

        LazyCompiled(Path file, String name, boolean optimized) {
            this.file = file;
            this.name = name;
            this.optimized = optimized;
        }

        synchronized CompiledModel get() {
            if (model == null) {
                ModuleOp module = OnnxImporter.importFile(file, ImportOptions.defaults());
                if (optimized) {
                    O2.run(module); // folds BatchNorm into Conv, fuses activations (FusedConv/FusedGemm)
                }
                model = CpuBackend.compile(module, name, new CpuOptions(2));
            }
            return model;
        }
    }
}
