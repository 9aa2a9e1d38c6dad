package dev.nnc.ir.verify;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * SSA visibility in graph regions: a value may be used by an op when it is defined earlier in the
 * same block, or is an argument of that block, or is visible in an enclosing block, without
 * crossing a function boundary (functions are isolated from above).
 */
final class Dominance {
    private final Map<Block, Map<Operation, Integer>> positions = new IdentityHashMap<>();

    /** Null when {@code user} may read {@code v}, else why not. */
    String check(Operation user, Value v) {
        Operation def = v.definingOp();
        Block home = def != null ? def.parent() : v.ownerBlock();
        if (home == null) {
            return "is defined by an op that is not in any block";
        }
        Operation anchor = ancestorIn(user, home);
        if (anchor == null) {
            return "is not visible here (defined in a region that does not enclose this op)";
        }
        if (def == null) {
            return null;
        }
        if (anchor == def) {
            return "is a result of this op itself";
        }
        if (position(home, def) > position(home, anchor)) {
            return "is used before its definition";
        }
        return null;
    }

    /** The op that is {@code op} or encloses it and sits directly in {@code b}, or null. */
    private static Operation ancestorIn(Operation op, Block b) {
        for (Operation o = op; o != null; o = o.parentOp()) {
            if (o.parent() == b) {
                return o;
            }
            if (o.name().equals(BuiltinDialect.FUNC)) {
                return null;
            }
        }
        return null;
    }

    private int position(Block b, Operation op) {
        return positions.computeIfAbsent(b, k -> {
            Map<Operation, Integer> m = new IdentityHashMap<>();
            List<Operation> ops = k.operations();
            for (int i = 0; i < ops.size(); i++) {
                m.put(ops.get(i), i);
            }
            return m;
        }).get(op);
    }
}
