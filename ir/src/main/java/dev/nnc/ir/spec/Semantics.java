package dev.nnc.ir.spec;

import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/** The reference meaning of an op: computes its results from its operands. */
@FunctionalInterface
public interface Semantics {
    List<Tensor> evaluate(EvalContext ctx);
}
