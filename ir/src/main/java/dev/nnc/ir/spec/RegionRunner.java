package dev.nnc.ir.spec;

import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/**
 * Lets the semantics of a control-flow op (If, Loop, Scan) run one of its regions: binds the
 * region's block arguments to {@code args}, runs its ops (which may read values of enclosing
 * scopes) and returns the operands of its terminator.
 */
@FunctionalInterface
public interface RegionRunner {
    List<Tensor> run(int region, List<Tensor> args);
}
