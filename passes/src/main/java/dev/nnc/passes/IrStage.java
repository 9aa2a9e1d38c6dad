package dev.nnc.passes;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * The levels of the IR, in lowering order. A module is at one stage at a time; passes say which
 * stages they accept and which they produce, so a pipeline in the wrong order is rejected before
 * anything runs.
 */
public enum IrStage {
    /** ONNX ops as imported (float). */
    ONNX,
    /** ONNX ops with fixed-point types and {@code q} ops. */
    Q,
    /** Streaming kernels with parallelism. */
    KERNEL,
    /** Modules, streams, FIFOs, memories. */
    HW;

    /**
     * The stage a module is at, derived from what it holds: {@code hw}, {@code kernel} or
     * {@code q} dialect ops (the latest wins), or fixed-point tensors (q); otherwise onnx.
     */
    public static IrStage of(ModuleOp module) {
        IrStage[] stage = {ONNX};
        module.op().walk(op -> {
            IrStage s = of(op);
            if (s.compareTo(stage[0]) > 0) {
                stage[0] = s;
            }
        });
        return stage[0];
    }

    private static IrStage of(Operation op) {
        switch (op.dialect()) {
            case "hw":
                return HW;
            case "kernel":
                return KERNEL;
            case "q":
                return Q;
            default:
                List<Value> values = new ArrayList<>(op.results());
                op.regions().forEach(r -> r.blocks().forEach(b -> values.addAll(b.arguments())));
                for (Value v : values) {
                    if (v.type() instanceof TensorType t && t.elementType() instanceof FixedType) {
                        return Q;
                    }
                }
                return ONNX;
        }
    }

    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
