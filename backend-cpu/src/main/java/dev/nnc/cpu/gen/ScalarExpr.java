package dev.nnc.cpu.gen;

import java.util.List;
import java.util.Map;

/**
 * A chain of element-wise ops being fused into one loop: leaves are arrays with their shapes
 * (broadcast to the loop's shape) or locals of the loop body, inner nodes apply a scalar template.
 * The index expressions are only computed once the whole chain is known, by {@link BroadcastLoops}.
 */
sealed interface ScalarExpr {
    /** An array read at the loop's current element. */
    record Input(String array, int[] shape) implements ScalarExpr {
    }

    /** A local variable of the loop body, computed earlier in the same iteration. */
    record Ref(String name) implements ScalarExpr {
    }

    /** A scalar function (the template named {@code fn}) of one or two operands. */
    record Apply(String fn, List<ScalarExpr> args, Map<String, Float> params) implements ScalarExpr {
    }

    /** {@code float name = value;} in the loop body: an intermediate result of a fused chain. */
    record Let(String name, Apply value) {
    }

    /**
     * A fused chain waiting for its consumer: the locals that compute it, the one holding its
     * value, and the ops it covers (for the Javadoc).
     */
    record Pending(List<Let> lets, Ref value, List<String> ops) {
    }
}
