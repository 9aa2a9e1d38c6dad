package dev.nnc.ir.spec;

import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference meaning of an op: computes its results from its operands. Most ops return
 * tensors ({@code List<Tensor>} fits); sequence and optional ops return other runtime values.
 */
@FunctionalInterface
public interface Semantics {
    List<? extends RuntimeValue> evaluate(EvalContext ctx);

    /**
     * {@code values} as tensors, or null when any is absent, a sequence or an optional: for callers
     * that only handle tensors, such as constant folding.
     */
    static List<Tensor> tensorsOrNull(List<? extends RuntimeValue> values) {
        List<Tensor> out = new ArrayList<>(values.size());
        for (RuntimeValue v : values) {
            if (!(v instanceof Tensor t)) {
                return null;
            }
            out.add(t);
        }
        return out;
    }
}
