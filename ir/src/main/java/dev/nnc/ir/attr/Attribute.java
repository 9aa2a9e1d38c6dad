package dev.nnc.ir.attr;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Type;
import java.util.List;

/**
 * A compile-time constant attached to an operation: immutable, with structural equality. ONNX's
 * attribute kinds map onto these ({@code ints} is an {@link ArrayAttr} of {@link IntAttr}, a
 * {@code TENSOR} a {@link DenseAttr}).
 */
public sealed interface Attribute {

    /** An integer (ONNX {@code INT}); booleans are 0/1. */
    record IntAttr(long value) implements Attribute {
    }

    /** A floating-point number (ONNX {@code FLOAT}, kept exactly). */
    record FloatAttr(double value) implements Attribute {
    }

    /** A string (ONNX {@code STRING}). */
    record StringAttr(String value) implements Attribute {
    }

    /** A list of attributes (ONNX {@code INTS}, {@code FLOATS}, {@code STRINGS}, ...). */
    record ArrayAttr(List<Attribute> values) implements Attribute {
        public ArrayAttr {
            values = List.copyOf(values);
        }
    }

    /** A type (ONNX {@code TYPE_PROTO}, or a cast target). */
    record TypeAttr(Type type) implements Attribute {
    }

    /**
     * A constant tensor. The printer decides whether it appears inline ({@code dense<...>}) or in
     * the resource section; {@code resourceName} is the preferred key there, kept for round trips.
     */
    record DenseAttr(Tensor value, String resourceName) implements Attribute {
        public DenseAttr(Tensor value) {
            this(value, null);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DenseAttr d && value.equals(d.value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    /** Presence-only marker. */
    record UnitAttr() implements Attribute {
    }

    static IntAttr of(long v) {
        return new IntAttr(v);
    }

    static FloatAttr of(double v) {
        return new FloatAttr(v);
    }

    static StringAttr of(String v) {
        return new StringAttr(v);
    }

    static ArrayAttr ints(long... vs) {
        return new ArrayAttr(java.util.Arrays.stream(vs).mapToObj(IntAttr::new).map(a -> (Attribute) a).toList());
    }
}
