package dev.nnc.ir.spec;

import dev.nnc.ir.core.Operation;
import java.util.function.Consumer;

/** Op-specific checks beyond arity and attribute kinds; reports each problem as a message. */
@FunctionalInterface
public interface OpVerifier {
    void verify(Operation op, Consumer<String> error);
}
