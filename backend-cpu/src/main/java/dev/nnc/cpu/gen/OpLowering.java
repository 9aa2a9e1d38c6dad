package dev.nnc.cpu.gen;

import dev.nnc.ir.core.Operation;

/**
 * Lowers one kind of {@code onnx} op to steps of the generated class, through the builder's
 * {@link LoweringContext}. Implementations throw {@link dev.nnc.ir.diag.NncException} (via
 * {@link LoweringContext#unsupported}) for the attribute values they do not handle.
 */
@FunctionalInterface
interface OpLowering {
    void lower(Operation op, LoweringContext ctx);
}
