package dev.nnc.passes.rewrite;

import dev.nnc.ir.core.Operation;

/**
 * A local rewrite: matches one op (of {@link #rootName()}, or any op when null) and, when it
 * applies, changes the IR only through the {@link PatternRewriter} so the driver can revisit
 * what changed. Named by a verb phrase, e.g. {@code remove-identity}.
 */
public interface RewritePattern {
    String name();

    /** The op name this pattern looks at ({@code onnx.Transpose}), or null to see every op. */
    String rootName();

    /** Tries the rewrite at {@code op}; returns true when it changed the IR. */
    boolean matchAndRewrite(Operation op, PatternRewriter rewriter);
}
