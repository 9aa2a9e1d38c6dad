package dev.nnc.passes.rewrite;

import dev.nnc.ir.core.Operation;
import dev.nnc.passes.PassContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Applies rewrite patterns until none applies (MLIR's greedy driver, simplified): every op below
 * the root starts on a worklist; each popped op is offered to the patterns in order; the first
 * that succeeds queues what it touched. Stops at a fixpoint or after {@link #MAX_REWRITES}, which
 * signals patterns that undo each other.
 */
public final class GreedyRewriteDriver {
    public static final int MAX_REWRITES = 1_000_000;

    private GreedyRewriteDriver() {
    }

    /**
     * Rewrites every op nested in {@code root}; counts each applied pattern in
     * {@code context} under its name. Returns true when anything changed.
     */
    public static boolean apply(Operation root, List<RewritePattern> patterns, PassContext context) {
        return apply(root, patterns, context, MAX_REWRITES);
    }

    /** As {@link #apply(Operation, List, PassContext)}, giving up after {@code maxRewrites}. */
    public static boolean apply(Operation root, List<RewritePattern> patterns, PassContext context, int maxRewrites) {
        PatternRewriter rewriter = new PatternRewriter();
        List<Operation> initial = new ArrayList<>();
        root.walk(op -> {
            if (op != root) {
                initial.add(op);
            }
        });
        rewriter.worklist().addAll(initial);
        boolean changed = false;
        int rewrites = 0;
        while (!rewriter.worklist().isEmpty()) {
            Operation op = rewriter.worklist().pollFirst();
            if (op.parent() == null) {
                continue; // erased meanwhile
            }
            for (RewritePattern p : patterns) {
                if (p.rootName() != null && !p.rootName().equals(op.name())) {
                    continue;
                }
                rewriter.setInsertionPoint(op);
                if (p.matchAndRewrite(op, rewriter)) {
                    changed = true;
                    context.count(p.name(), 1);
                    if (++rewrites > maxRewrites) {
                        throw new IllegalStateException("rewrite patterns did not converge after "
                                + maxRewrites + " rewrites (last: " + p.name() + ")");
                    }
                    dedupe(rewriter);
                    break;
                }
            }
        }
        return changed;
    }

    /** Keeps the worklist free of repeats so a busy op is not visited many times in a row. */
    private static void dedupe(PatternRewriter rewriter) {
        Set<Operation> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        rewriter.worklist().removeIf(o -> !seen.add(o));
    }
}
