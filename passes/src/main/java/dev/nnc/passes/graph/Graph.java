package dev.nnc.passes.graph;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small queries and edits the graph passes share: constant values, static shapes, single uses,
 * making {@code onnx.Constant}s, and replacing an op's results (graph outputs follow, since
 * {@code func.return} is just another user and the output name lives in {@code result_names}).
 */
final class Graph {
    static final String CONSTANT = "onnx.Constant";
    static final String NO_VALUE = "onnx.NoValue";

    private Graph() {
    }

    /** True when {@code v} is defined by an {@code onnx.Constant}. */
    static boolean isConstant(Value v) {
        return v.definingOp() != null && v.definingOp().name().equals(CONSTANT);
    }

    /** True for an absent optional operand (an {@code onnx.NoValue} result). */
    static boolean isAbsent(Value v) {
        return v.definingOp() != null && v.definingOp().name().equals(NO_VALUE);
    }

    /** True when operand {@code i} exists and is not the absent placeholder. */
    static boolean present(Operation op, int i) {
        return i < op.numOperands() && !isAbsent(op.operand(i));
    }

    /** The tensor of a constant-defined value (any Constant attribute form), else null. */
    static Tensor constant(Value v, OpSpec constantSpec) {
        if (!isConstant(v)) {
            return null;
        }
        Attribute a = v.definingOp().property("value");
        if (a instanceof Attribute.DenseAttr d) {
            return d.value();
        }
        if (constantSpec == null || constantSpec.semantics() == null) {
            return null;
        }
        try {
            return constantSpec.semantics().evaluate(new EvalContext(v.definingOp(), constantSpec, List.of(), 1)).get(0)
                    instanceof Tensor t ? t : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The tensor of a constant-defined value, reading every Constant form, else null. */
    static Tensor constant(Value v) {
        return isConstant(v) ? constant(v, DialectRegistry.standard().lookup(CONSTANT).orElse(null)) : null;
    }

    /** An int-list property as longs, or null. */
    static long[] intsProperty(Operation op, String name) {
        if (op.property(name) instanceof Attribute.ArrayAttr arr) {
            long[] out = new long[arr.values().size()];
            for (int i = 0; i < out.length; i++) {
                if (!(arr.values().get(i) instanceof Attribute.IntAttr ia)) {
                    return null;
                }
                out[i] = ia.value();
            }
            return out;
        }
        return null;
    }

    /** The rank of {@code v}'s type, or -1 when unknown. */
    static int rank(Value v) {
        return v.type() instanceof TensorType tt && tt.hasRank() ? tt.rank() : -1;
    }

    /** A Transpose's permutation (the default reverses the axes), or null when the rank is unknown. */
    static long[] perm(Operation transpose) {
        long[] p = intsProperty(transpose, "perm");
        if (p != null && p.length > 0) {
            return p;
        }
        int r = rank(transpose.operand(0));
        if (r < 0) {
            return null;
        }
        long[] rev = new long[r];
        for (int i = 0; i < r; i++) {
            rev[i] = r - 1 - i;
        }
        return rev;
    }

    static boolean isIdentity(long[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Both values have the same (non-null) type. */
    static boolean sameType(Value a, Value b) {
        return a.type() != null && a.type().equals(b.type());
    }

    /** The static shape of {@code v}, or null. */
    static int[] shape(Value v) {
        return shape(v.type());
    }

    static int[] shape(Type t) {
        return t instanceof TensorType tt && tt.isStatic() ? tt.shape() : null;
    }

    /** The element type's float-ness: true for f16/bf16/f32/f64 tensors. */
    static boolean isFloat(Value v) {
        return v.type() instanceof TensorType tt && tt.elementType() != null && tt.elementType().isFloat();
    }

    /** The single user of {@code v}, or null when it has none or several (a graph output counts). */
    static Operation singleUser(Value v) {
        return v.uses().size() == 1 ? v.uses().get(0).user() : null;
    }

    /** True when {@code v} is one of its function's outputs. */
    static boolean isOutput(Value v) {
        return v.uses().stream().anyMatch(u -> u.user().name().equals(BuiltinDialect.RETURN));
    }

    /** A new {@code onnx.Constant} holding {@code t}, inserted before {@code anchor}; returns its value. */
    static Value makeConstant(Operation anchor, Tensor t, String nameHint) {
        Operation c = Operation.create(CONSTANT, List.of(), List.of(t.tensorType()),
                Map.of("value", new Attribute.DenseAttr(t)), anchor.location());
        anchor.parent().insertBefore(anchor, c);
        c.result(0).setNameHint(nameHint);
        return c.result(0);
    }

    /** Every op of every block nested in {@code root} (not root itself), in order. */
    static List<Operation> opsBelow(Operation root) {
        List<Operation> out = new ArrayList<>();
        root.walk(o -> {
            if (o != root) {
                out.add(o);
            }
        });
        return out;
    }

    /** Erases {@code op} and then any op that fed it and is now unused and side-effect free (constants). */
    static void eraseWithDeadConstants(Operation op) {
        List<Value> ins = new ArrayList<>(op.operands());
        Block b = op.parent();
        b.erase(op);
        for (Value v : ins) {
            Operation d = v.definingOp();
            if (d != null && d.parent() != null && !v.hasUses() && d.name().equals(CONSTANT)) {
                d.parent().erase(d);
            }
        }
    }

    /** The result of an int list attribute or an ints constant, as longs. */
    static long[] ints(Tensor t) {
        return t == null ? null : t.toLongs();
    }
}
