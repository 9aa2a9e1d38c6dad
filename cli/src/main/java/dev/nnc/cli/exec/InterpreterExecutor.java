package dev.nnc.cli.exec;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;
import java.util.Map;

/** The reference interpreter as an {@link Executor}: nothing to prepare. */
public final class InterpreterExecutor implements Executor {
    @Override
    public String name() {
        return "interp";
    }

    @Override
    public Prepared prepare(ModuleOp module, String modelName) {
        Interpreter interp = new Interpreter();
        return new Prepared() {
            @Override
            public Map<String, Tensor> run(Map<String, Tensor> inputs) {
                return interp.run(module, inputs);
            }

            @Override
            public List<RuntimeValue> runValues(List<String> inputNames, List<RuntimeValue> inputs) {
                return interp.runValues(module.mainFunction(), inputs, module.opsets());
            }
        };
    }
}
