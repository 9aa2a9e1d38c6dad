package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Region;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link ModelBuilder} needs to hand a node to the interpreter fallback
 * ({@link dev.nnc.cpu.runtime.InterpretedNode}): which values the node reads (its operands and the
 * outer values its subgraphs read), which values live in Java arrays, and the Javadoc text.
 */
public final class InterpretedNodes {
    private InterpretedNodes() {
    }

    /**
     * Thrown when an interpreted node reads a value whose element-wise chain was deferred to its
     * consumer (so it has no array): the builder starts again with the value kept in an array.
     */
    static final class Unfuse extends RuntimeException {
        private final transient Value value;

        Unfuse(Value value) {
            super(null, null, false, false);
            this.value = value;
        }

        Value value() {
            return value;
        }
    }

    /** True when the generated code keeps values of {@code t} in a typed array (static shape, a {@link Dtype}). */
    static boolean inArrays(Type t) {
        return t instanceof TensorType tt && tt.isStatic() && Dtype.of(tt.elementType()) != null;
    }

    /**
     * The values the node reads at run time, each once, in a fixed order: its operands, then the
     * values of enclosing scopes that ops inside its subgraphs read.
     */
    static List<Value> reads(Operation op) {
        Set<Value> defined = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Value> read = new LinkedHashSet<>(op.operands());
        op.walk(o -> {
            for (Region r : o.regions()) {
                for (Block b : r.blocks()) {
                    defined.addAll(b.arguments());
                }
            }
            if (o != op) {
                defined.addAll(o.results());
                read.addAll(o.operands());
            }
        });
        List<Value> out = new ArrayList<>();
        for (Value v : read) {
            if (!defined.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** {@code Attention 'a0'}: the op and its node name, for the note listing interpreted nodes. */
    public static String label(Operation op) {
        String name = op.location() == null ? null : op.location().name();
        return op.opName() + (name == null ? "" : " '" + name + "'");
    }

    /** Why the native lowering refused the op: the refusal's message without the "CPU backend: op:" prefix. */
    static String reason(Operation op, NncException e) {
        String m = e.getMessage() == null ? "refused" : e.getMessage();
        String prefix = "CPU backend: " + op.name() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** {@code reason} made safe inside a Javadoc comment, on one line. */
    static String comment(String reason) {
        return reason.replace("*/", "* /").replace('\n', ' ').replace("\r", "");
    }
}
