package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Type;
import java.util.List;
import java.util.Map;

/**
 * Static shorthands over {@link KernelRun} for the element-wise kernel tests: one op, its result
 * types from its own inference, run through the interpreter.
 */
final class OpHarness {
    private OpHarness() {
    }

    static Tensor run(String op, Tensor... inputs) {
        return runAll(op, Map.of(), 21, 1, inputs).get(0);
    }

    static Tensor run(String op, Map<String, Attribute> attrs, Tensor... inputs) {
        return runAll(op, attrs, 21, 1, inputs).get(0);
    }

    /** Runs {@code onnx.<op>} at an opset; a null input is an absent optional operand. */
    static List<Tensor> runAll(String op, Map<String, Attribute> attrs, int opset, int numResults, Tensor... inputs) {
        return build(op, attrs, opset, numResults, inputs).run();
    }

    /** The type inference gives for op on these inputs (index = result number). */
    static List<Type> infer(String op, Map<String, Attribute> attrs, int opset, Tensor... inputs) {
        return build(op, attrs, opset, 1, inputs).infer();
    }

    private static KernelRun build(String op, Map<String, Attribute> attrs, int opset, int numResults, Tensor... inputs) {
        KernelRun r = KernelRun.of(op).opset(opset).outputs(numResults);
        attrs.forEach(r::attr);
        for (Tensor t : inputs) {
            r.in(t);
        }
        return r;
    }
}
