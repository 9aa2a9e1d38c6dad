package dev.nnc.cpu.runtime;

/** ONNX {@code Dropout} at inference: the output is the input (an alias), the mask all true. */
public final class Dropout {
    private Dropout() {
    }

    /**
     * Refuses training mode with a non-zero ratio (it drops at random), as the interpreter does;
     * null arrays are absent operands (ratio 0.5, training off).
     */
    public static void check(Object ratio, boolean[] training) {
        if (training != null && training.length > 0 && training[0]) {
            double r = ratio == null ? 0.5 : Elements.doubleAt(ratio, 0);
            if (r != 0) {
                throw new ModelInputError("Dropout: training_mode=true with ratio " + r
                        + " drops at random; only inference (or ratio 0) is supported");
            }
        }
    }
}
