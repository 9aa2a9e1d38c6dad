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
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference interpreter: the one definition of what a model computes. Runs a function's ops in
 * order, each through its spec's reference semantics; control-flow ops run their regions through
 * {@link EvalContext#runRegion}. Every other execution path is tested against this.
 *
 * <p>Values are {@link RuntimeValue}s (tensors, sequences, optionals). The tensor-only entry
 * points ({@code run}) suit almost every model; {@code runValues} also takes and returns
 * sequences and optionals.
 */
public final class Interpreter {
    private final DialectRegistry registry;

    public Interpreter(DialectRegistry registry) {
        this.registry = registry;
    }

    public Interpreter() {
        this(DialectRegistry.standard());
    }

    /** Runs the module's main function with tensor inputs by name; returns tensor outputs by name, in order. */
    public Map<String, Tensor> run(ModuleOp module, Map<String, Tensor> inputs) {
        Map<String, RuntimeValue> outs = runValues(module, inputs);
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (Map.Entry<String, RuntimeValue> e : outs.entrySet()) {
            result.put(e.getKey(), asTensor(e.getValue(), "output '" + e.getKey() + "'"));
        }
        return result;
    }

    /** Runs a function on positional tensor inputs; every output must be a tensor. */
    public List<Tensor> run(FuncOp f, List<Tensor> inputs, int opset) {
        return run(f, inputs, Opsets.of(opset));
    }

    /** Runs a function on positional tensor inputs, each op at its own domain's opset; every output must be a tensor. */
    public List<Tensor> run(FuncOp f, List<Tensor> inputs, Opsets opset) {
        List<RuntimeValue> outs = runValues(f, inputs, opset);
        List<Tensor> result = new ArrayList<>(outs.size());
        for (int i = 0; i < outs.size(); i++) {
            result.add(asTensor(outs.get(i), "output '" + f.outputNames().get(i) + "'"));
        }
        return result;
    }

    /** Runs the module's main function with inputs of any kind by name; returns outputs by name, in order. */
    public Map<String, RuntimeValue> runValues(ModuleOp module, Map<String, ? extends RuntimeValue> inputs) {
        FuncOp f = module.mainFunction();
        if (f == null) {
            throw new NncException("module has no function to run");
        }
        List<String> names = f.inputNames();
        List<RuntimeValue> args = new ArrayList<>();
        for (String n : names) {
            RuntimeValue t = inputs.get(n);
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
        List<RuntimeValue> outs = runValues(f, args, module.opsets());
        Map<String, RuntimeValue> result = new LinkedHashMap<>();
        List<String> outNames = f.outputNames();
        for (int i = 0; i < outs.size(); i++) {
            result.put(outNames.get(i), outs.get(i));
        }
        return result;
    }

    /** Runs a function on positional inputs of any kind. */
    public List<RuntimeValue> runValues(FuncOp f, List<? extends RuntimeValue> inputs, int opset) {
        return runValues(f, inputs, Opsets.of(opset));
    }

    /** Runs a function on positional inputs of any kind; each op sees the opset version of its own domain. */
    public List<RuntimeValue> runValues(FuncOp f, List<? extends RuntimeValue> inputs, Opsets opset) {
        if (f.arguments().size() != inputs.size()) {
            throw new NncException("function " + f.symName() + " takes " + f.arguments().size() + " inputs, got " + inputs.size());
        }
        return runBlock(f.body(), inputs, null, opset);
    }

    /**
     * Runs one op on its own, outside a whole-function run (the CPU backend's per-node fallback):
     * {@code bound} holds its operands and every value of enclosing scopes that its regions read.
     * Returns its results in order (null for an absent optional result).
     */
    public List<RuntimeValue> evaluate(Operation op, Map<Value, ? extends RuntimeValue> bound, Opsets opset) {
        Environment env = new Environment(bound);
        execute(op, env, opset);
        List<RuntimeValue> outs = new ArrayList<>(op.numResults());
        for (Value r : op.results()) {
            outs.add(env.lookup(r, op));
        }
        return outs;
    }

    private static Tensor asTensor(RuntimeValue v, String what) {
        if (v == null || v instanceof Tensor) {
            return (Tensor) v;
        }
        throw new NncException(what + " is " + v.kind() + "; only tensor outputs are supported here");
    }

    /**
     * Runs a block: binds its arguments, executes its ops and returns the operands of its
     * terminator (the last op, which has no semantics of its own: {@code func.return} or a yield).
     */
    List<RuntimeValue> runBlock(Block block, List<? extends RuntimeValue> args, Environment parent, Opsets opset) {
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
        List<RuntimeValue> outs = new ArrayList<>();
        for (Value v : terminator.operands()) {
            outs.add(env.lookup(v, terminator));
        }
        return outs;
    }

    private void execute(Operation op, Environment env, Opsets opset) {
        if (Thread.currentThread().isInterrupted()) {
            // a caller's time limit (the conformance runner) stops the run at the next op
            throw new NncException(op.location(), "interrupted before " + op.name());
        }
        OpSpec spec = registry.lookup(op.name()).orElseThrow(
                () -> new NncException(op.location(), "unknown op " + op.name()));
        if (spec.semantics() == null) {
            throw new NncException(op.location(), op.name() + " has no reference semantics");
        }
        List<RuntimeValue> ins = new ArrayList<>(op.numOperands());
        for (Value v : op.operands()) {
            ins.add(env.lookup(v, op));
        }
        List<? extends RuntimeValue> outs;
        try {
            outs = spec.semantics().evaluate(new EvalContext(op, spec, ins, opset.forOp(op.name()),
                    (index, args) -> runBlock(op.region(index).entry(), args, env, opset)));
        } catch (NncException e) {
            throw e.location() == null ? new NncException(op.location(), e.getMessage(), e) : e;
        } catch (RuntimeException e) {
            throw new dev.nnc.ir.diag.InternalException(op.location(), op.name() + " failed", e);
        }
        for (int i = 0; i < op.numResults(); i++) {
            env.bind(op.result(i), i < outs.size() ? outs.get(i) : null);
        }
    }
}
