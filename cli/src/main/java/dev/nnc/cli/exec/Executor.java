package dev.nnc.cli.exec;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A way to execute a model: the reference interpreter or a compiled backend. {@code nnc run},
 * {@code nnc bench} and the conformance runner take one, so every path is driven the same way.
 * {@link #prepare} throws {@link dev.nnc.ir.diag.NncException} for a model the executor cannot
 * take (an unsupported op or type).
 */
public interface Executor {
    /** A short name for reports, e.g. {@code interp} or {@code cpu}. */
    String name();

    /** Readies {@code module} (compiles it, for a backend); {@code modelName} names generated code. */
    Prepared prepare(ModuleOp module, String modelName);

    /** A model ready to run, any number of times. */
    interface Prepared extends AutoCloseable {
        /** Outputs by name, in the model's order, for inputs by name. */
        Map<String, Tensor> run(Map<String, Tensor> inputs);

        /**
         * Outputs in the model's order for positional inputs that may be sequences or optionals
         * too; an executor that takes only tensors refuses other values with one line.
         */
        default List<RuntimeValue> runValues(List<String> inputNames, List<RuntimeValue> inputs) {
            Map<String, Tensor> named = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (!(inputs.get(i) instanceof Tensor t)) {
                    throw new NncException("input '" + inputNames.get(i) + "' is not a tensor; this backend takes tensors only");
                }
                named.put(inputNames.get(i), t);
            }
            return new ArrayList<>(run(named).values());
        }

        @Override
        default void close() {
        }
    }
}
