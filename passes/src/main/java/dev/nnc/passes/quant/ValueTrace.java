package dev.nnc.passes.quant;

import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.InternalException;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a module's main function op by op through the ops' reference semantics, like the
 * interpreter, but keeps every intermediate tensor: calibration records their ranges and the
 * quantization report compares them between the float and the fixed graph. Straight-line
 * functions only (no regions).
 */
public final class ValueTrace {
    private ValueTrace() {
    }

    /** Every value of the main function (arguments and op results) for these inputs, by input name. */
    public static Map<Value, Tensor> run(ModuleOp module, Map<String, Tensor> inputs) {
        FuncOp f = module.mainFunction();
        if (f == null) {
            throw new NncException("module has no function to run");
        }
        DialectRegistry registry = DialectRegistry.standard();
        Map<Value, Tensor> env = new HashMap<>();
        List<String> names = f.inputNames();
        for (int i = 0; i < names.size(); i++) {
            Tensor t = inputs.get(names.get(i));
            if (t == null) {
                throw new NncException("missing input '" + names.get(i) + "'");
            }
            env.put(f.arguments().get(i), t);
        }
        List<Operation> ops = f.body().operations();
        for (Operation op : ops.subList(0, ops.size() - 1)) {
            OpSpec spec = registry.lookup(op.name()).orElseThrow(
                    () -> new NncException(op.location(), "unknown op " + op.name()));
            if (spec.semantics() == null || !op.regions().isEmpty()) {
                throw new NncException(op.location(), op.name() + " cannot be traced (no semantics, or regions)");
            }
            List<RuntimeValue> ins = new ArrayList<>();
            for (Value v : op.operands()) {
                ins.add(env.get(v));
            }
            List<? extends RuntimeValue> outs;
            try {
                outs = spec.semantics().evaluate(new EvalContext(op, spec, ins, module.opsets().forOp(op.name())));
            } catch (NncException e) {
                throw e.location() == null ? new NncException(op.location(), e.getMessage(), e) : e;
            } catch (RuntimeException e) {
                throw new InternalException(op.location(), op.name() + " failed", e);
            }
            for (int i = 0; i < op.numResults() && i < outs.size(); i++) {
                if (outs.get(i) instanceof Tensor t) {
                    env.put(op.result(i), t);
                }
            }
        }
        return env;
    }
}
