package dev.nnc.sim;

import dev.nnc.ir.hw.prim.SoftmaxConfig;
import dev.nnc.ir.hw.prim.SwgConfig;
import dev.nnc.sim.prim.SoftmaxModel;
import dev.nnc.sim.prim.SwgModel;

/**
 * Binds each hw primitive to its cycle model in {@code dev.nnc.sim.prim} (written beside its RTL:
 * the model and the RTL are the same state machine), through the primitive's config record.
 */
final class StandardModels {
    private StandardModels() {
    }

    static ComponentRegistry register(ComponentRegistry r) {
        return r.register("hw.swg", op -> new SwgModel(SwgConfig.from(op)))
                .register("hw.softmax", op -> new SoftmaxModel(SoftmaxConfig.from(op)));
    }
}
