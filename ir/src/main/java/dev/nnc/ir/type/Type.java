package dev.nnc.ir.type;

/** Any IR type: the type of a {@link dev.nnc.ir.core.Value}. Immutable; equality is structural. */
public sealed interface Type permits TensorType, SequenceType, OptionalType, StreamType, NoneType, ElementType {
}
