package dev.nnc.ir.spec;

import dev.nnc.ir.tensor.RuntimeValue;
import java.util.List;

/**
 * The reference meaning of an op: computes its results from its operands. Most ops return
 * tensors ({@code List<Tensor>} fits); sequence and optional ops return other runtime values.
 */
@FunctionalInterface
public interface Semantics {
    List<? extends RuntimeValue> evaluate(EvalContext ctx);
}
