package dev.nnc.cpu;

import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/**
 * The Java source of one model ({@code qualifiedName}), the weights its constructor takes (in
 * order), and the model's input and output names and shapes, for {@link CompiledModel}.
 */
public record GeneratedSource(String qualifiedName, String source, List<Tensor> weights, List<String> inputNames,
                              List<int[]> inputShapes, List<Dtype> inputTypes, List<String> outputNames,
                              List<int[]> outputShapes, List<Dtype> outputTypes) {
    /** The file name the source belongs in, relative to a source root. */
    public String relativePath() {
        return qualifiedName.replace('.', '/') + ".java";
    }
}
