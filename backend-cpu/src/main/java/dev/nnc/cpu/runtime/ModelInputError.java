package dev.nnc.cpu.runtime;

/**
 * A run-time value the model was given that a kernel cannot use (an index out of range, a slice or
 * scale that would change the compiled shape, training-mode dropout): the user's error, reported
 * by {@code CompiledModel} as one line, unlike a bug in a kernel.
 */
public final class ModelInputError extends IllegalArgumentException {
    public ModelInputError(String message) {
        super(message);
    }
}
