package dev.nnc.sim;

import dev.nnc.ir.hw.prim.AddConfig;
import dev.nnc.ir.hw.prim.DwcConfig;
import dev.nnc.ir.hw.prim.FifoConfig;
import dev.nnc.ir.hw.prim.ForkConfig;
import dev.nnc.ir.hw.prim.MvauConfig;
import dev.nnc.ir.hw.prim.PoolConfig;
import dev.nnc.ir.hw.prim.SoftmaxConfig;
import dev.nnc.ir.hw.prim.SwgConfig;
import dev.nnc.sim.prim.AddModel;
import dev.nnc.sim.prim.DwcModel;
import dev.nnc.sim.prim.FifoModel;
import dev.nnc.sim.prim.ForkModel;
import dev.nnc.sim.prim.MvauModel;
import dev.nnc.sim.prim.PoolModel;
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
                .register("hw.softmax", op -> new SoftmaxModel(SoftmaxConfig.from(op)))
                .register("hw.mvau", op -> new MvauModel(MvauConfig.from(op)))
                .register("hw.pool", op -> new PoolModel(PoolConfig.from(op)))
                .register("hw.add", op -> new AddModel(AddConfig.from(op)))
                .register("hw.fifo", op -> new FifoModel(FifoConfig.from(op)))
                .register("hw.fork", op -> new ForkModel(ForkConfig.from(op)))
                .register("hw.dwc", op -> new DwcModel(DwcConfig.from(op)));
    }
}
