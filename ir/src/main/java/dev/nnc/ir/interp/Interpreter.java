package dev.nnc.ir.interp;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Opsets;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference interpreter: the one definition of what a model computes. Runs a function's ops in
 * order, each through its spec's reference semantics; control-flow ops run their regions through
 * {@link EvalContext#runRegion}. Every other execution path is tested against this.
 */
public final class Interpreter {
    private final DialectRegistry registry;

    public Interpreter(DialectRegistry registry) {
        this.registry = registry;
    }

    public Interpreter() {
        this(DialectRegistry.standard());
    }

    /** Runs the module's main function with inputs by name; returns outputs by name, in order. */
    public Map<String, Tensor> run(ModuleOp module, Map<String, Tensor> inputs) {
        FuncOp f = module.mainFunction();
        if (f == null) {
            throw new NncException("module has no function to run");
        }
        List<String> names = f.inputNames();
        List<Tensor> args = new ArrayList<>();
        for (String n : names) {
            Tensor t = inputs.get(n);
            if (t == null) {
                throw new NncException("missing input '" + n + "' (model inputs: " + String.join(", ", names) + ")");
            }
            args.add(t);
        }
        for (String given : inputs.keySet()) {
            if (!names.contains(given)) {
                throw new NncException("unknown input '" + given + "' (model inputs: " + String.join(", ", names) + ")");
            }
        }
        List<Tensor> outs = run(f, args, module.opsets());
        Map<String, Tensor> result = new LinkedHashMap<>();
        List<String> outNames = f.outputNames();
        for (int i = 0; i < outs.size(); i++) {
            result.put(outNames.get(i), outs.get(i));
        }
        return result;
    }

    /** Runs a function on positional inputs. */
    public List<Tensor> run(FuncOp f, List<Tensor> inputs, int opset) {
        return run(f, inputs, Opsets.of(opset));
    }

    /** Runs a function on positional inputs; each op sees the opset version of its own domain. */
    public List<Tensor> run(FuncOp f, List<Tensor> inputs, Opsets opset) {
        if (f.arguments().size() != inputs.size()) {
            throw new NncException("function " + f.symName() + " takes " + f.arguments().size() + " inputs, got " + inputs.size());
        }
        return runBlock(f.body(), inputs, null, opset);
    }

    /**
     * Runs a block: binds its arguments, executes its ops and returns the operands of its
     * terminator (the last op, which has no semantics of its own: {@code func.return} or a yield).
     */
    List<Tensor> runBlock(Block block, List<Tensor> args, Environment parent, Opsets opset) {
        Environment env = new Environment(parent, block);
        for (int i = 0; i < args.size(); i++) {
            env.bind(block.arguments().get(i), args.get(i));
        }
        List<Operation> ops = block.operations();
        for (int k = 0; k < ops.size() - 1; k++) {
            execute(ops.get(k), env, opset);
            env.release(ops.get(k));
        }
        Operation terminator = block.terminator();
        if (terminator == null) {
            throw new NncException("empty block");
        }
        List<Tensor> outs = new ArrayList<>();
        for (Value v : terminator.operands()) {
            outs.add(env.lookup(v, terminator));
        }
        return outs;
    }

    private void execute(Operation op, Environment env, Opsets opset) {
        OpSpec spec = registry.lookup(op.name()).orElseThrow(
                () -> new NncException(op.location(), "unknown op " + op.name()));
        if (spec.semantics() == null) {
            throw new NncException(op.location(), op.name() + " has no reference semantics");
        }
        List<Tensor> ins = new ArrayList<>(op.numOperands());
        for (Value v : op.operands()) {
            ins.add(env.lookup(v, op));
        }
        List<Tensor> outs;
        try {
            outs = spec.semantics().evaluate(new EvalContext(op, spec, ins, opset.forOp(op.name()),
                    (index, args) -> runBlock(op.region(index).entry(), args, env, opset)));
        } catch (NncException e) {
            throw e.location() == null ? new NncException(op.location(), e.getMessage(), e) : e;
        } catch (RuntimeException e) {
            throw new NncException(op.location(), op.name() + " failed: " + e, e);
        }
        for (int i = 0; i < op.numResults(); i++) {
            env.bind(op.result(i), i < outs.size() ? outs.get(i) : null);
        }
    }
}
