package dev.nnc.bench;

import dev.nnc.frontend.ImportOptions;
import dev.nnc.frontend.OnnxImporter;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shared model prepared for nnc: imported once, with the inputs of {@code test_data_set_0}
 * bound to the main function's input names. Every engine of the benchmark runs on these inputs.
 */
public record BenchModel(String name, Path file, ModuleOp module, Map<String, Tensor> inputs) {
    /** Imports {@code shared/models/NAME/model.onnx} and reads its first data set. */
    public static BenchModel load(String name) {
        Path dir = SharedModels.model(name);
        Path file = dir.resolve("model.onnx");
        ModuleOp module = OnnxImporter.importFile(file, ImportOptions.defaults());
        List<String> names = module.mainFunction().inputNames();
        List<Tensor> tensors = SharedModels.tensors(dir.resolve("test_data_set_0"), "input_");
        if (tensors.size() != names.size()) {
            throw new IllegalStateException(name + ": " + tensors.size() + " input files for inputs " + names);
        }
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            inputs.put(names.get(i), tensors.get(i));
        }
        return new BenchModel(name, file, module, Map.copyOf(inputs));
    }
}
