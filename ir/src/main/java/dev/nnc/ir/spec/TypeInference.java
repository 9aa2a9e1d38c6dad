package dev.nnc.ir.spec;

import dev.nnc.ir.type.Type;
import java.util.List;

/**
 * Computes result types from operand types and attributes. Returns null for a result it cannot
 * know; the caller then keeps the declared type or falls back to an unranked tensor.
 */
@FunctionalInterface
public interface TypeInference {
    List<Type> infer(InferContext ctx);
}
