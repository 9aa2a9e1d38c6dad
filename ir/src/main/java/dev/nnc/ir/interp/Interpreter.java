package dev.nnc.ir.interp;

import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference interpreter: the one definition of what a model computes. Runs a function's ops in
 * order, each through its spec's reference semantics; every other execution path is tested
 * against this.
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
        List<Tensor> outs = run(f, args, module.opset());
        Map<String, Tensor> result = new LinkedHashMap<>();
        List<String> outNames = f.outputNames();
        for (int i = 0; i < outs.size(); i++) {
            result.put(outNames.get(i), outs.get(i));
        }
        return result;
    }

    /** Runs a function on positional inputs. */
    public List<Tensor> run(FuncOp f, List<Tensor> inputs, int opset) {
        List<Value> args = f.arguments();
        if (args.size() != inputs.size()) {
            throw new NncException("function " + f.symName() + " takes " + args.size() + " inputs, got " + inputs.size());
        }
        Map<Value, Tensor> env = new IdentityHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            env.put(args.get(i), inputs.get(i));
        }
        Map<Value, Integer> remainingUses = countUses(f);
        for (Operation op : f.body().operations()) {
            if (op.name().equals(BuiltinDialect.RETURN)) {
                List<Tensor> outs = new ArrayList<>();
                for (Value v : op.operands()) {
                    outs.add(lookup(env, v, op));
                }
                return outs;
            }
            execute(op, env, opset);
            release(op, env, remainingUses);
        }
        throw new NncException("function " + f.symName() + " has no func.return");
    }

    private void execute(Operation op, Map<Value, Tensor> env, int opset) {
        OpSpec spec = registry.lookup(op.name()).orElseThrow(
                () -> new NncException(op.location(), "unknown op " + op.name()));
        if (spec.semantics() == null) {
            throw new NncException(op.location(), op.name() + " has no reference semantics");
        }
        List<Tensor> ins = new ArrayList<>(op.numOperands());
        for (Value v : op.operands()) {
            ins.add(lookup(env, v, op));
        }
        List<Tensor> outs;
        try {
            outs = spec.semantics().evaluate(new EvalContext(op, spec, ins, opset));
        } catch (NncException e) {
            throw e.location() == null ? new NncException(op.location(), e.getMessage(), e) : e;
        } catch (RuntimeException e) {
            throw new NncException(op.location(), op.name() + " failed: " + e, e);
        }
        if (outs.size() < op.numResults()) {
            List<Tensor> padded = new ArrayList<>(outs);
            while (padded.size() < op.numResults()) {
                padded.add(null);
            }
            outs = padded;
        }
        for (int i = 0; i < op.numResults(); i++) {
            env.put(op.result(i), outs.get(i));
        }
    }

    private static Tensor lookup(Map<Value, Tensor> env, Value v, Operation user) {
        if (!env.containsKey(v)) {
            throw new NncException(user.location(), user.name() + " reads a value not yet computed: " + v.nameHint());
        }
        return env.get(v);
    }

    private static Map<Value, Integer> countUses(FuncOp f) {
        Map<Value, Integer> n = new HashMap<>();
        for (Operation op : f.body().operations()) {
            for (Value v : op.operands()) {
                n.merge(v, 1, Integer::sum);
            }
        }
        return n;
    }

    /** Drops tensors whose last use has run, so large models fit in memory. */
    private static void release(Operation op, Map<Value, Tensor> env, Map<Value, Integer> remaining) {
        for (Value v : op.operands()) {
            if (remaining.merge(v, -1, Integer::sum) == 0) {
                env.remove(v);
            }
        }
    }
}
