package dev.nnc.passes;

import dev.nnc.ir.core.ModuleOp;
import java.util.function.Consumer;

/**
 * Hooks the {@link PassManager} calls around every pass (IR printing, dumps, timing). Hooks see
 * the live module and must not change it.
 */
public interface Instrumentation {
    default void beforePass(PassStep step, ModuleOp module) {
    }

    default void afterPass(PassStep step, ModuleOp module, PassRun run) {
    }

    /** Called when the pass threw, reported an error or left IR that does not verify. */
    default void afterFailure(PassStep step, ModuleOp module, PassFailure failure) {
    }

    /** An instrumentation that hands every successful pass run to {@code action} (e.g. to print its warnings). */
    static Instrumentation onEachRun(Consumer<PassRun> action) {
        return new Instrumentation() {
            @Override
            public void afterPass(PassStep step, ModuleOp module, PassRun run) {
                action.accept(run);
            }
        };
    }
}
