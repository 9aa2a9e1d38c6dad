package dev.nnc.sim;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Opsets;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.InternalException;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.RuntimeValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs the ops of a function body through their reference semantics, as the interpreter does, but
 * keeps every value and skips the ops it is told to (the {@code hw} ops, which the simulator
 * runs) and any op whose operands are not known yet. So a hw-level function runs in two steps:
 * the host ops before the hardware ({@code q.quantize}), then, once the sinks' tensors are bound,
 * the host ops after it ({@code q.dequantize}).
 */
public final class HostEvaluator {
    private final DialectRegistry registry;
    private final Opsets opsets;
    private final Predicate<Operation> skip;
    private final Map<Value, RuntimeValue> values = new IdentityHashMap<>();
    private final Map<Operation, Boolean> done = new IdentityHashMap<>();

    public HostEvaluator(DialectRegistry registry, Opsets opsets, Predicate<Operation> skip) {
        this.registry = registry;
        this.opsets = opsets;
        this.skip = skip;
    }

    /** Binds a value (a block argument or a result computed elsewhere). */
    public void bind(Value v, RuntimeValue t) {
        values.put(v, t);
    }

    public RuntimeValue value(Value v) {
        if (!values.containsKey(v)) {
            throw new IllegalStateException("value " + v + " was not computed");
        }
        return values.get(v);
    }

    public boolean known(Value v) {
        return values.containsKey(v);
    }

    /** Evaluates, in block order, every op not yet run whose operands are all known and that is not skipped. */
    public void run(Block body) {
        List<Operation> ops = body.operations();
        for (int k = 0; k < ops.size() - 1; k++) {
            Operation op = ops.get(k);
            if (done.containsKey(op) || skip.test(op) || !op.operands().stream().allMatch(this::known)) {
                continue;
            }
            execute(op);
            done.put(op, Boolean.TRUE);
        }
    }

    /** The operands of the body's terminator; each must be known. */
    public List<RuntimeValue> results(Block body) {
        Operation ret = body.terminator();
        List<RuntimeValue> out = new ArrayList<>();
        for (Value v : ret.operands()) {
            if (!known(v)) {
                throw new NncException(ret.location(), "output %" + v.nameHint() + " was not computed");
            }
            out.add(values.get(v));
        }
        return out;
    }

    private void execute(Operation op) {
        OpSpec spec = registry.lookup(op.name()).orElseThrow(
                () -> new NncException(op.location(), "unknown op " + op.name()));
        if (spec.semantics() == null) {
            throw new NncException(op.location(), op.name() + " has no reference semantics");
        }
        if (!op.regions().isEmpty()) {
            throw new NncException(op.location(), op.name() + " has regions; the host side of `nnc sim` runs only plain ops");
        }
        List<RuntimeValue> ins = new ArrayList<>(op.numOperands());
        for (Value v : op.operands()) {
            ins.add(values.get(v));
        }
        List<? extends RuntimeValue> outs;
        try {
            outs = spec.semantics().evaluate(new EvalContext(op, spec, ins, opsets.forOp(op.name())));
        } catch (NncException e) {
            throw e.location() == null ? new NncException(op.location(), e.getMessage(), e) : e;
        } catch (RuntimeException e) {
            throw new InternalException(op.location(), op.name() + " failed", e);
        }
        for (int i = 0; i < op.numResults(); i++) {
            values.put(op.result(i), i < outs.size() ? outs.get(i) : null);
        }
    }
}
