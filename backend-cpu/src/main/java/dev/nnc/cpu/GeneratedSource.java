package dev.nnc.cpu;

import dev.nnc.cpu.runtime.InterpretedNode;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/**
 * The Java source of one model ({@code qualifiedName}), the weights its constructor takes (in
 * order), the nodes it runs on the interpreter (given after the weights), and the model's input
 * and output names and shapes, for {@link CompiledModel}. A value the generated code does not
 * keep in an array (a sequence, an element type without arrays, a dynamic shape) has a null shape
 * and dtype: it crosses the boundary as the RuntimeValue itself.
 */
public record GeneratedSource(String qualifiedName, String source, List<Tensor> weights, List<String> inputNames,
                              List<int[]> inputShapes, List<Dtype> inputTypes, List<String> outputNames,
                              List<int[]> outputShapes, List<Dtype> outputTypes, List<InterpretedNode> nodes) {
    /** Source that runs natively throughout (no interpreted node). */
    public GeneratedSource(String qualifiedName, String source, List<Tensor> weights, List<String> inputNames,
                           List<int[]> inputShapes, List<Dtype> inputTypes, List<String> outputNames,
                           List<int[]> outputShapes, List<Dtype> outputTypes) {
        this(qualifiedName, source, weights, inputNames, inputShapes, inputTypes, outputNames, outputShapes, outputTypes,
                List.of());
    }

    /** The file name the source belongs in, relative to a source root. */
    public String relativePath() {
        return qualifiedName.replace('.', '/') + ".java";
    }

    /** The nodes run on the interpreter as {@code Attention 'a0'}, in model order. */
    public List<String> interpretedNodes() {
        return nodes.stream().map(n -> {
            String name = n.op().location() == null ? null : n.op().location().name();
            return n.op().opName() + (name == null ? "" : " '" + name + "'");
        }).toList();
    }
}
