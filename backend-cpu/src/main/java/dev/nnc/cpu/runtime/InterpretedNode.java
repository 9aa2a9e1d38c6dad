package dev.nnc.cpu.runtime;

import dev.nnc.cpu.Dtype;
import dev.nnc.ir.core.Opsets;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a generated model that has no Java lowering (an op not lowered yet, an element type
 * without arrays, a subgraph, a sequence or optional value), run through the reference
 * interpreter's semantics so the model still runs whole on the CPU backend. The generated class
 * holds one instance per such node (given at construction, like the weights) and calls
 * {@link #run} with the node's run-time operands: typed arrays for values the generated code keeps
 * natively, {@link RuntimeValue}s for the rest. Immutable, so instances of the same model may share it.
 *
 * @param op       the IR operation (with its regions, if any)
 * @param operands the values the generated call passes, in order: the op's non-constant operands,
 *                 then the outer values its regions read
 * @param slots    how each of {@code operands} arrives: a typed array of that shape, or boxed (null)
 * @param fixed    operands known when the model was built (constants), bound once here
 * @param results  how each result is kept: a typed array (see {@link #store}), or boxed (null)
 * @param opsets   the model's opset versions
 */
public record InterpretedNode(Operation op, List<Value> operands, List<Slot> slots, Map<Value, Tensor> fixed,
                              List<Slot> results, Opsets opsets) {
    private static final Interpreter INTERPRETER = new Interpreter();

    /**
     * A run-time value kept in a typed array of {@code dtype}, of IR element type {@code type} (which
     * names the fixed-point type of the FIXED dtypes) and {@code shape}; null in {@code slots} = a RuntimeValue.
     */
    public record Slot(Dtype dtype, ElementType type, int[] shape) {
    }

    /**
     * Runs the node on {@code args} (one per {@link #operands}: the array or the RuntimeValue);
     * returns its results in order, null for an absent optional one.
     */
    public RuntimeValue[] run(Object... args) {
        Map<Value, RuntimeValue> bound = new HashMap<>(fixed);
        for (int i = 0; i < operands.size(); i++) {
            Slot s = slots.get(i);
            bound.put(operands.get(i), s == null ? (RuntimeValue) args[i] : s.dtype().toTensor(args[i], s.type(), s.shape()));
        }
        return INTERPRETER.evaluate(op, bound, opsets).toArray(new RuntimeValue[0]);
    }

    /**
     * Copies result {@code index} of {@code outs} into the typed array the generated class keeps it
     * in; it must be a tensor of exactly the element type and shape the model was built for.
     */
    public void store(RuntimeValue[] outs, int index, Object array) {
        RuntimeValue result = outs[index];
        Slot slot = results.get(index);
        if (!(result instanceof Tensor t) || !t.elementType().equals(slot.type()) || !Arrays.equals(t.shape(), slot.shape())) {
            throw new NncException(op.location(), op.name() + ": the interpreter returned "
                    + (result == null ? "no value" : result.valueType()) + " where the model declares "
                    + slot.type() + Arrays.toString(slot.shape()));
        }
        Object values = slot.dtype().toArray(t);
        System.arraycopy(values, 0, array, 0, java.lang.reflect.Array.getLength(values));
    }
}
