package dev.nnc.cli.exec;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.tensor.Tensor;
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

        @Override
        default void close() {
        }
    }
}
