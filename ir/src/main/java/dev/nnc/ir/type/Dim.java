package dev.nnc.ir.type;

/**
 * One dimension of a tensor shape: a known size, or a symbol ({@code ?} when anonymous,
 * {@code ?name} when ONNX gave it a name such as {@code batch}).
 */
public sealed interface Dim permits Dim.Known, Dim.Symbolic {
    record Known(long size) implements Dim {
        public Known {
            if (size < 0) {
                throw new IllegalArgumentException("negative dimension " + size);
            }
        }
    }

    /** An unknown size; {@code name} is empty when anonymous. */
    record Symbolic(String name) implements Dim {
    }

    static Dim of(long size) {
        return new Known(size);
    }

    static Dim symbol(String name) {
        return new Symbolic(name == null ? "" : name);
    }
}
