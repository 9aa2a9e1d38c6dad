package dev.nnc.sim;

/**
 * Binds each hw primitive to its cycle model in {@code dev.nnc.sim.prim} (written beside its RTL:
 * the model and the RTL are the same state machine).
 */
final class StandardModels {
    private StandardModels() {
    }

    static ComponentRegistry register(ComponentRegistry r) {
        return r;
    }
}
