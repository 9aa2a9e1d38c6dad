package dev.nnc.ir.tensor;

import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.Type;
import java.util.Objects;

/**
 * An ONNX optional value: either holds a tensor or a sequence, or is empty. {@code elementType}
 * is the type the optional was declared to hold, kept so an empty optional still has a type.
 */
public record OptionalValue(RuntimeValue value, Type elementType) implements RuntimeValue {
    public OptionalValue {
        Objects.requireNonNull(elementType, "elementType");
        if (value instanceof OptionalValue) {
            throw new IllegalArgumentException("an optional cannot hold an optional");
        }
    }

    public static OptionalValue of(RuntimeValue value) {
        return new OptionalValue(Objects.requireNonNull(value, "value"), value.valueType());
    }

    public static OptionalValue empty(Type elementType) {
        return new OptionalValue(null, elementType);
    }

    public boolean isPresent() {
        return value != null;
    }

    @Override
    public OptionalType valueType() {
        return new OptionalType(elementType);
    }

    @Override
    public String kind() {
        return "an optional";
    }

    @Override
    public String toString() {
        return value == null ? "optional<empty " + elementType + ">" : "optional(" + value + ")";
    }
}
