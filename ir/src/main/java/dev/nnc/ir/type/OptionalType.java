package dev.nnc.ir.type;

import java.util.Objects;

/**
 * An ONNX optional: either a value of type {@code element} (a tensor or a sequence) or nothing.
 * Spelled like onnx-mlir, {@code !onnx.Opt<tensor<2xf32>>}. Distinct from {@link NoneType}, which
 * types an operand that is statically absent.
 */
public record OptionalType(Type element) implements Type {
    public OptionalType {
        Objects.requireNonNull(element, "element");
    }

    @Override
    public String toString() {
        return TypeSpelling.of(this);
    }
}
