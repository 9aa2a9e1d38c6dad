package dev.nnc.ir.type;

import java.util.Objects;

/**
 * An ONNX sequence: an ordered, variable-length list of values that all have type {@code element}
 * (in practice tensors of one element type, possibly of differing shapes). Spelled like onnx-mlir,
 * {@code !onnx.Seq<tensor<*xf32>>}, so IR text stays readable next to onnx-mlir dumps.
 */
public record SequenceType(Type element) implements Type {
    public SequenceType {
        Objects.requireNonNull(element, "element");
    }

    @Override
    public String toString() {
        return TypeSpelling.of(this);
    }
}
