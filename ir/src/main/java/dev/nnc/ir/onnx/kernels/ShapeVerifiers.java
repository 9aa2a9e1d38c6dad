package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * Static checks for the shape ops, run by the IR verifier at import and after every pass: enum
 * attributes hold a known value, and axes or permutations fit the operand rank when it is known.
 * Checks that need values (indices, sizes) stay in the semantics.
 */
public final class ShapeVerifiers {
    private ShapeVerifiers() {
    }

    /** All of the given checks. */
    public static OpVerifier all(OpVerifier... checks) {
        return (op, error) -> {
            for (OpVerifier c : checks) {
                c.verify(op, error);
            }
        };
    }

    /** A string attribute, when set, is one of {@code allowed}. */
    public static OpVerifier oneOf(String attr, String... allowed) {
        return (op, error) -> {
            if (op.property(attr) instanceof Attribute.StringAttr s && !Arrays.asList(allowed).contains(s.value())) {
                error.accept("attribute '" + attr + "' is '" + s.value() + "', expected one of " + String.join(", ", allowed));
            }
        };
    }

    /**
     * An int attribute, when set, is an axis of operand {@code operand} (rank r, when known) in
     * {@code [-(r + extra), r + extra - 1]}; {@code extra} is 1 for ops that add an axis (OneHot).
     */
    public static OpVerifier axis(String attr, int operand, int extra) {
        return (op, error) -> {
            int r = rank(op, operand);
            if (r >= 0 && op.property(attr) instanceof Attribute.IntAttr a) {
                long n = r + extra;
                if (a.value() < -n || a.value() >= Math.max(n, 1)) {
                    error.accept("attribute '" + attr + "' = " + a.value() + " is out of range for rank " + r);
                }
            }
        };
    }

    /** Transpose's perm, when set, is a permutation of the operand's axes. */
    public static OpVerifier permutation() {
        return (op, error) -> {
            int r = rank(op, 0);
            if (r >= 0 && op.property("perm") instanceof Attribute.ArrayAttr arr) {
                List<Attribute> v = arr.values();
                boolean[] seen = new boolean[r];
                boolean ok = v.size() == r;
                for (int i = 0; ok && i < r; i++) {
                    long p = v.get(i) instanceof Attribute.IntAttr ia ? ia.value() : -1;
                    ok = p >= 0 && p < r && !seen[(int) p];
                    if (ok) {
                        seen[(int) p] = true;
                    }
                }
                if (!ok) {
                    error.accept("perm " + v.stream().map(a -> a instanceof Attribute.IntAttr ia ? String.valueOf(ia.value()) : "?").toList()
                            + " is not a permutation of " + r + " axes");
                }
            }
        };
    }

    private static int rank(Operation op, int operand) {
        return operand < op.numOperands() && op.operand(operand).type() instanceof TensorType t && t.hasRank() ? t.rank() : -1;
    }
}
