package dev.nnc.ir.spec;

import dev.nnc.ir.tensor.RuntimeValue;
import java.util.List;

/**
 * Lets the semantics of a control-flow op (If, Loop, Scan, SequenceMap) run one of its regions:
 * binds the region's block arguments to {@code args}, runs its ops (which may read values of
 * enclosing scopes) and returns the operands of its terminator.
 */
@FunctionalInterface
public interface RegionRunner {
    List<RuntimeValue> run(int region, List<? extends RuntimeValue> args);
}
