package dev.nnc.cpu;

import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/**
 * The Java source of one model ({@code qualifiedName}), the weights its constructor takes (in
 * order), the nodes it runs on the interpreter (given after the weights), and the model's input
 * and output names and shapes, for {@link CompiledModel}. A value the generated code does not
 * keep in an array (a sequence, an element type without arrays, a dynamic shape) has a null shape
 * and dtype: it crosses the boundary as the RuntimeValue itself.
 *
 * @param nodes       the {@code dev.nnc.cpu.runtime.InterpretedNode}s, typed Object so that a model
 *                    jar (which runs natively throughout) does not reach the interpreter through here
 * @param interpreted those nodes as {@code Attention 'a0'}, in model order
 */
public record GeneratedSource(String qualifiedName, String source, List<Tensor> weights, List<String> inputNames,
                              List<int[]> inputShapes, List<Dtype> inputTypes, List<String> outputNames,
                              List<int[]> outputShapes, List<Dtype> outputTypes, List<Object> nodes,
                              List<String> interpreted) {
    /** Source that runs natively throughout (no interpreted node). */
    public GeneratedSource(String qualifiedName, String source, List<Tensor> weights, List<String> inputNames,
                           List<int[]> inputShapes, List<Dtype> inputTypes, List<String> outputNames,
                           List<int[]> outputShapes, List<Dtype> outputTypes) {
        this(qualifiedName, source, weights, inputNames, inputShapes, inputTypes, outputNames, outputShapes, outputTypes,
                List.of(), List.of());
    }

    /** The file name the source belongs in, relative to a source root. */
    public String relativePath() {
        return qualifiedName.replace('.', '/') + ".java";
    }
}
