package dev.nnc.passes;

import dev.nnc.ir.core.ModuleOp;

/**
 * One transformation of a module. A pass is a small class with frozen options (a record); its
 * {@link PassInfo} carries the kebab-case argument, summary, option defaults and stages.
 * {@link #run} mutates the module in place and reports problems through the context (an error
 * names the op); the pass manager verifies the result.
 */
public interface Pass {

    /** What this pass is: argument, summary, options type, stages. */
    PassInfo<?> info();

    /** The options this instance runs with (a record; printed back in pipeline text). */
    Record options();

    /** Transforms {@code module}; returns true when it changed anything. */
    boolean run(ModuleOp module, PassContext context);
}
