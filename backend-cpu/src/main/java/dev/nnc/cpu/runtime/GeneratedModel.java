package dev.nnc.cpu.runtime;

/**
 * What every generated model class implements, so that the backend can call a class it only
 * knows by name. Arrays are typed ({@code float[]}, {@code long[]}, ... by element type), row-major, in the model's input and output order. An instance
 * owns its intermediate buffers, so it runs one inference at a time.
 */
public interface GeneratedModel {
    /** Computes the outputs; {@code outputs[k]} receives an array the caller must copy before the next call. */
    void run(Object[] inputs, Object[] outputs);
}
