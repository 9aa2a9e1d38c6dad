package dev.nnc.hls.prim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.hw.prim.AddConfig;
import dev.nnc.ir.hw.prim.DwcConfig;
import dev.nnc.ir.hw.prim.FifoConfig;
import dev.nnc.ir.hw.prim.ForkConfig;
import dev.nnc.ir.hw.prim.MvauConfig;
import dev.nnc.ir.hw.prim.PoolConfig;
import dev.nnc.ir.hw.prim.SoftmaxConfig;
import dev.nnc.ir.hw.prim.SwgConfig;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which {@link PrimitiveInstance} each hw op becomes, keyed by op name ({@code hw.mvau} → the
 * MVAU's instance built from its config record). Adding a primitive is one line in
 * {@link #standard()}.
 */
public final class PrimitiveRegistry {
    private final Map<String, Function<Operation, PrimitiveInstance>> factories;

    private PrimitiveRegistry(Map<String, Function<Operation, PrimitiveInstance>> factories) {
        this.factories = factories;
    }

    /** A registry with no primitives (tests add their own). */
    public static PrimitiveRegistry empty() {
        return new PrimitiveRegistry(new TreeMap<>());
    }

    /** The project's primitives. */
    public static PrimitiveRegistry standard() {
        return empty()
                .with(HwDialect.FIFO, op -> new FifoInstance(FifoConfig.from(op)))
                .with(HwDialect.FORK, op -> new ForkInstance(ForkConfig.from(op)))
                .with(HwDialect.DWC, op -> new DwcInstance(DwcConfig.from(op)))
                .with(HwDialect.SWG, op -> new SwgInstance(SwgConfig.from(op)))
                .with(HwDialect.MVAU, op -> new MvauInstance(MvauConfig.from(op)))
                .with(HwDialect.POOL, op -> new PoolInstance(PoolConfig.from(op)))
                .with(HwDialect.ADD, op -> new AddInstance(AddConfig.from(op)))
                .with(HwDialect.SOFTMAX, op -> new SoftmaxInstance(SoftmaxConfig.from(op)));
    }

    /** This registry plus {@code opName} → {@code factory} (replacing any earlier binding). */
    public PrimitiveRegistry with(String opName, Function<Operation, PrimitiveInstance> factory) {
        Map<String, Function<Operation, PrimitiveInstance>> copy = new TreeMap<>(factories);
        copy.put(opName, factory);
        return new PrimitiveRegistry(copy);
    }

    public boolean contains(String opName) {
        return factories.containsKey(opName);
    }

    /** The instance of {@code op}; an op with no primitive is the user's error, named with its node. */
    public PrimitiveInstance instance(Operation op) {
        Function<Operation, PrimitiveInstance> f = factories.get(op.name());
        if (f == null) {
            throw new NncException(op.location(), "no RTL primitive for " + op.name() + " (primitives: "
                    + String.join(", ", factories.keySet()) + ")");
        }
        return f.apply(op);
    }
}
