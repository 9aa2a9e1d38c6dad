package dev.nnc.ir.spec;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Type;
import java.util.List;

/**
 * What an op's reference semantics sees: its input values (null for an absent optional input),
 * its attributes, its declared result types and the opset version in force. {@link #input} gives
 * tensors, which is what nearly every op takes; {@link #value} gives sequences and optionals too.
 */
public final class EvalContext {
    private final Operation op;
    private final OpSpec spec;
    private final List<? extends RuntimeValue> inputs;
    private final OpAttributes attrs;
    private final int opset;
    private final RegionRunner regions;

    public EvalContext(Operation op, OpSpec spec, List<? extends RuntimeValue> inputs, int opset) {
        this(op, spec, inputs, opset, (i, args) -> {
            throw new IllegalStateException(op.name() + " cannot run regions in this context");
        });
    }

    public EvalContext(Operation op, OpSpec spec, List<? extends RuntimeValue> inputs, int opset, RegionRunner regions) {
        this.op = op;
        this.spec = spec;
        this.inputs = inputs;
        this.attrs = new OpAttributes(op, spec);
        this.opset = opset;
        this.regions = regions;
    }

    /** Runs region {@code index} of this op with the given block arguments; returns what it yields. */
    public List<RuntimeValue> runRegion(int index, List<? extends RuntimeValue> args) {
        return regions.run(index, args);
    }

    /** The region holding graph attribute {@code attr} (see {@link RegionAttrs}), or -1 when it is absent. */
    public int regionIndex(String attr) {
        return RegionAttrs.index(op, spec, attr);
    }

    public Operation op() {
        return op;
    }

    public int numInputs() {
        return inputs.size();
    }

    /** Tensor input i, or null when absent (not given, or beyond the operands); an error if it is not a tensor. */
    public Tensor input(int i) {
        RuntimeValue v = value(i);
        if (v == null || v instanceof Tensor) {
            return (Tensor) v;
        }
        throw error("input " + i + " is " + v.kind() + ", but this op takes a tensor there");
    }

    /** Input i as any runtime value (tensor, sequence or optional), or null when absent. */
    public RuntimeValue value(int i) {
        return i < inputs.size() ? inputs.get(i) : null;
    }

    public boolean hasInput(int i) {
        return value(i) != null;
    }

    /** All inputs as tensors (null for absent ones); an error if any is a sequence or optional. */
    public List<Tensor> inputs() {
        List<Tensor> out = new java.util.ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            out.add(input(i));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** All inputs as runtime values (null for absent ones). */
    public List<RuntimeValue> values() {
        return java.util.Collections.unmodifiableList(inputs);
    }

    public int numOutputs() {
        return op.numResults();
    }

    public Type outputType(int i) {
        return op.result(i).type();
    }

    /** The opset version of the op's domain that the model imports. */
    public int opset() {
        return opset;
    }

    public OpAttributes attrs() {
        return attrs;
    }

    /** An error about this op, with its location: {@code node 'x': onnx.Conv: message}. */
    public NncException error(String message) {
        return new NncException(op.location(), op.name() + ": " + message);
    }
}
