package dev.nnc.ir.tensor;

import dev.nnc.ir.type.Type;

/**
 * A value the interpreter computes: a {@link Tensor}, a {@link TensorSequence} (ONNX sequence) or
 * an {@link OptionalValue} (ONNX optional). Immutable. Most ops only ever see tensors; the others
 * exist for the sequence and optional ops and for control flow that carries them.
 */
public sealed interface RuntimeValue permits Tensor, TensorSequence, OptionalValue {
    /** The IR type of this value (a tensor's static shape, a sequence's element type, ...). */
    Type valueType();

    /** "a tensor", "a sequence" or "an optional", for error messages. */
    String kind();
}
