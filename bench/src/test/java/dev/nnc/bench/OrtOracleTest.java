package dev.nnc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnc.cli.conformance.TensorComparison;
import dev.nnc.cpu.CompiledModel;
import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.CpuOptions;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ONNX Runtime as an oracle for the real models: on {@code test_data_set_0} the interpreter's
 * and the CPU backend's outputs equal ORT's, and ORT (this version, on this machine) reproduces the stored reference
 * outputs, both at the models' tolerance rtol 1e-3 / atol 1e-5. The second check guards the
 * reference data itself, which was produced by another ORT version elsewhere.
 */
class OrtOracleTest {
    private static final TensorComparison TOLERANCE = new TensorComparison(1e-3, 1e-5);
    /** ONNX Runtime cannot run QONNX's {@code Quant} op; its reference comes from numpy. */
    private static final Set<String> ORT_CANNOT_RUN = Set.of("tfc_2w2a_qonnx");
    /** Quantized models: the CPU backend's integer kernels are a later step (as in CpuModelsTest). */
    private static final Set<String> CPU_CANNOT_RUN = Set.of("tfc_2w2a_qonnx", "mnist8_qdq");

    @TestFactory
    Stream<DynamicNode> interpreterMatchesOnnxRuntime() {
        Path root = SharedModels.root();
        assumeTrue(root != null, "shared test data not found: set NNC_TEST_DATA or put 'shared' beside the repository");
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path dir : SharedModels.all(root)) {
            String name = dir.getFileName().toString();
            if (ORT_CANNOT_RUN.contains(name)) {
                continue;
            }
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(name + ": ORT = reference", () -> ortVsReference(dir)));
            tests.add(DynamicTest.dynamicTest(name + ": interpreter = ORT",
                    () -> engineVsOrt(name, "interpreter", m -> new Interpreter().run(m.module(), m.inputs()))));
            if (!CPU_CANNOT_RUN.contains(name)) {
                tests.add(DynamicTest.dynamicTest(name + ": nnc-cpu = ORT", () -> engineVsOrt(name, "nnc-cpu", OrtOracleTest::runCpu)));
            }
            nodes.add(DynamicContainer.dynamicContainer(name, dir.toUri(), tests.stream()));
        }
        return nodes.stream();
    }

    private static Map<String, Tensor> runCpu(BenchModel m) {
        try (CompiledModel compiled = CpuBackend.compile(m.module(), m.name(), new CpuOptions(2))) {
            return compiled.run(m.inputs());
        }
    }

    private static void engineVsOrt(String name, String engine, Function<BenchModel, Map<String, Tensor>> run) throws Exception {
        BenchModel m = BenchModel.load(name);
        Map<String, Tensor> ours = run.apply(m);
        Map<String, Tensor> theirs;
        try (OrtModel ort = OrtModel.open(m.file(), 1)) {
            theirs = ort.run(m.inputs());
        }
        assertFalse(theirs.isEmpty(), "ONNX Runtime computed no outputs");
        assertEquals(theirs.keySet(), ours.keySet(), "output names");
        List<String> problems = new ArrayList<>();
        for (String out : theirs.keySet()) {
            String diff = TOLERANCE.mismatch(theirs.get(out), ours.get(out));
            if (diff != null) {
                problems.add("output '" + out + "': " + diff);
            }
        }
        if (!problems.isEmpty()) {
            fail(name + ": " + engine + " differs from ONNX Runtime: " + String.join("; ", problems));
        }
    }

    private static void ortVsReference(Path dir) throws Exception {
        Path set = dir.resolve("test_data_set_0");
        List<Tensor> expected = SharedModels.tensors(set, "output_");
        List<Tensor> actual;
        try (OrtModel ort = OrtModel.open(dir.resolve("model.onnx"), 1)) {
            actual = new ArrayList<>(ort.run(ort.byName(SharedModels.tensors(set, "input_"))).values());
        }
        assertEquals(expected.size(), actual.size(), "number of outputs");
        for (int i = 0; i < expected.size(); i++) {
            String diff = TOLERANCE.mismatch(expected.get(i), actual.get(i));
            if (diff != null) {
                fail(dir.getFileName() + " output_" + i + ".pb: ONNX Runtime differs from the reference: " + diff);
            }
        }
    }
}
