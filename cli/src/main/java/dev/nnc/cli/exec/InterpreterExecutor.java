package dev.nnc.cli.exec;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;

/** The reference interpreter as an {@link Executor}: nothing to prepare. */
public final class InterpreterExecutor implements Executor {
    @Override
    public String name() {
        return "interp";
    }

    @Override
    public Prepared prepare(ModuleOp module, String modelName) {
        Interpreter interp = new Interpreter();
        return inputs -> interp.run(module, inputs);
    }
}
