package dev.nnc.passes.graph;

import dev.nnc.ir.core.Operation;
import dev.nnc.passes.rewrite.PatternRewriter;
import dev.nnc.passes.rewrite.RewritePattern;
import java.util.function.BiPredicate;

/** A rewrite pattern written as a lambda: name, root op name (null: any) and the rewrite. */
record LocalPattern(String name, String rootName, BiPredicate<Operation, PatternRewriter> rewrite)
        implements RewritePattern {
    @Override
    public boolean matchAndRewrite(Operation op, PatternRewriter rewriter) {
        return rewrite.test(op, rewriter);
    }
}
