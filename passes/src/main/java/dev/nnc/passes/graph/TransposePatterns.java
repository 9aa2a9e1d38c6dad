package dev.nnc.passes.graph;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import dev.nnc.passes.rewrite.PatternRewriter;
import dev.nnc.passes.rewrite.RewritePattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The patterns of {@link CancelTransposesPass}. */
final class TransposePatterns {
    static final Set<String> UNARY = Set.of("Relu", "LeakyRelu", "Sigmoid", "Tanh", "HardSigmoid", "HardSwish",
            "Elu", "Selu", "Softplus", "Softsign", "Abs", "Neg", "Exp", "Log", "Sqrt", "Reciprocal", "Floor", "Ceil",
            "Round", "Erf", "Sign", "Not", "Cast", "Clip", "Gelu", "Mish", "Sin", "Cos");
    static final Set<String> BINARY = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Max", "Min");

    private TransposePatterns() {
    }

    static List<RewritePattern> all(int opset) {
        List<RewritePattern> p = new ArrayList<>();
        p.add(new LocalPattern("merge-transposes", "onnx.Transpose", CanonicalPatterns::mergeTransposes));
        p.add(new LocalPattern("remove-noop-transpose", "onnx.Transpose", (op, rw) -> {
            long[] perm = Graph.perm(op);
            return perm != null && Graph.isIdentity(perm) && CanonicalPatterns.forward(op, rw);
        }));
        if (opset >= 5) {
            p.add(new LocalPattern("transpose-to-reshape", "onnx.Transpose", TransposePatterns::toReshape));
        }
        for (String u : UNARY) {
            p.add(new LocalPattern("push-through-unary", "onnx." + u, TransposePatterns::unary));
        }
        for (String b : BINARY) {
            p.add(new LocalPattern("push-through-binary", "onnx." + b, TransposePatterns::binary));
        }
        p.add(new LocalPattern("transpose-into-weights", "onnx.Flatten", TransposeIntoWeights::rewrite));
        p.add(new LocalPattern("transpose-into-weights", "onnx.Reshape", TransposeIntoWeights::rewrite));
        return p;
    }

    /** A single-user Transpose defining {@code v} (used only by {@code user}), or null. */
    static Operation transposeOf(Value v, Operation user) {
        Operation d = v.definingOp();
        return d != null && d.name().equals("onnx.Transpose") && Graph.singleUser(v) == user && Graph.perm(d) != null ? d : null;
    }

    /** A transpose that keeps the order of the non-1 axes is a reshape. */
    private static boolean toReshape(Operation t, PatternRewriter rw) {
        int[] in = Graph.shape(t.operand(0));
        long[] perm = Graph.perm(t);
        if (in == null || perm == null || !(t.result(0).type() instanceof TensorType tt) || !tt.isStatic()) {
            return false;
        }
        long last = -1;
        for (long a : perm) {
            if (in[(int) a] != 1) {
                if (a < last) {
                    return false;
                }
                last = a;
            }
        }
        int[] out = tt.shape();
        if (Arrays.stream(out).anyMatch(d -> d == 0)) {
            return false; // a 0 in a Reshape shape copies an input dim
        }
        long[] dims = Arrays.stream(out).asLongStream().toArray();
        Tensor shape = Tensor.ofLongs(IntegerType.I64, new int[] {dims.length}, dims);
        Operation c = rw.create(Graph.CONSTANT, List.of(), List.of(shape.tensorType()),
                Map.of("value", new Attribute.DenseAttr(shape)), t.location());
        Operation r = rw.create("onnx.Reshape", List.of(t.operand(0), c.result(0)), List.of(tt),
                Map.of("allowzero", Attribute.of(0)), t.location());
        r.result(0).setNameHint(t.result(0).nameHint());
        rw.replaceOp(t, List.of(r.result(0)));
        return true;
    }

    /** The type {@code like} would have before the transpose {@code perm}: dims of x, element type of {@code like}. */
    private static Type untransposed(Value x, Type like) {
        if (!(x.type() instanceof TensorType xt) || !xt.hasRank() || !(like instanceof TensorType lt)) {
            return null;
        }
        return new TensorType(lt.elementType(), xt.dims());
    }

    /** U(T(x)) → T(U(x)). */
    private static boolean unary(Operation u, PatternRewriter rw) {
        Operation t = transposeOf(u.operand(0), u);
        Type inner = t == null ? null : untransposed(t.operand(0), u.result(0).type());
        if (inner == null || u.numResults() != 1) {
            return false;
        }
        List<Value> ops = new ArrayList<>(u.operands());
        ops.set(0, t.operand(0));
        rebuild(u, t, ops, inner, rw);
        return true;
    }

    /** Creates u'(operands) of type {@code inner}, then a Transpose like {@code t} replacing {@code u}. */
    private static void rebuild(Operation u, Operation t, List<Value> operands, Type inner, PatternRewriter rw) {
        Operation n = rw.create(u.name(), operands, List.of(inner), u.properties(), u.location());
        n.attributes().putAll(u.attributes());
        Operation nt = rw.create("onnx.Transpose", List.of(n.result(0)), List.of(u.result(0).type()),
                Map.of("perm", Attribute.ints(Graph.perm(t))), t.location());
        nt.result(0).setNameHint(u.result(0).nameHint());
        rw.replaceOp(u, List.of(nt.result(0)));
        rw.eraseOp(t);
    }

    /** B(T(x), T(y)) or B(T(x), C) or B(T(x), scalar-like) → T(B(x, y')). */
    private static boolean binary(Operation b, PatternRewriter rw) {
        if (b.numOperands() != 2 || b.property("broadcast") != null || b.property("axis") != null || b.numResults() != 1) {
            return false;
        }
        for (int side = 0; side < 2; side++) {
            Operation t = transposeOf(b.operand(side), b);
            Value other = b.operand(1 - side);
            if (t == null || !Graph.sameType(b.result(0), t.result(0))) {
                continue;
            }
            long[] perm = Graph.perm(t);
            Value x = t.operand(0);
            Value y = counterpart(other, perm, b, rw);
            Type inner = untransposed(x, b.result(0).type());
            if (y == null || inner == null) {
                continue;
            }
            List<Value> ops = new ArrayList<>(b.operands());
            ops.set(side, x);
            ops.set(1 - side, y);
            Operation t2 = other.definingOp() != null && other.definingOp().name().equals("onnx.Transpose") ? other.definingOp() : null;
            rebuild(b, t, ops, inner, rw);
            if (t2 != null && y == t2.operand(0) && !t2.result(0).hasUses()) {
                rw.eraseOp(t2);
            }
            return true;
        }
        return false;
    }

    /** What the other operand becomes under the inverse permutation, or null when it cannot follow. */
    private static Value counterpart(Value other, long[] perm, Operation b, PatternRewriter rw) {
        Operation ot = other.definingOp();
        if (ot != null && ot.name().equals("onnx.Transpose") && Arrays.equals(Graph.perm(ot), perm)
                && Graph.singleUser(other) == b) {
            return ot.operand(0);
        }
        int[] s = Graph.shape(other);
        if (s != null && Arrays.stream(s).allMatch(d -> d == 1) && s.length <= perm.length) {
            return other; // a broadcast single value is the same under any permutation
        }
        Tensor c = Graph.constant(other);
        if (c == null || c.rank() > perm.length) {
            return null;
        }
        Tensor permuted = permuteInverse(c, perm);
        Operation k = rw.create(Graph.CONSTANT, List.of(), List.of(permuted.tensorType()),
                Map.of("value", new Attribute.DenseAttr(permuted)), b.location());
        k.result(0).setNameHint(other.nameHint());
        return k.result(0);
    }

    /** C padded to rank r, then transposed by the inverse of {@code perm} (so that transposing by perm gives C back). */
    static Tensor permuteInverse(Tensor c, long[] perm) {
        int r = perm.length;
        int[] padded = new int[r];
        Arrays.fill(padded, 1);
        System.arraycopy(c.shape(), 0, padded, r - c.rank(), c.rank());
        int[] inv = new int[r];
        for (int i = 0; i < r; i++) {
            inv[(int) perm[i]] = i;
        }
        int[] outShape = new int[r];
        for (int i = 0; i < r; i++) {
            outShape[i] = padded[inv[i]];
        }
        int[] inStrides = Shapes.strides(padded);
        int[] outStrides = Shapes.strides(outShape);
        int n = c.size();
        double[] dv = c.isDoubles() ? new double[n] : null;
        long[] lv = c.isLongs() ? new long[n] : null;
        for (int o = 0; o < n; o++) {
            int src = 0;
            int rem = o;
            for (int i = 0; i < r; i++) {
                int idx = rem / outStrides[i];
                rem %= outStrides[i];
                src += idx * inStrides[inv[i]];
            }
            if (dv != null) {
                dv[o] = c.doubles()[src];
            } else if (lv != null) {
                lv[o] = c.longs()[src];
            }
        }
        if (dv != null) {
            return Tensor.ofDoubles(c.elementType(), outShape, dv);
        }
        if (lv != null) {
            return Tensor.ofLongs(c.elementType(), outShape, lv);
        }
        throw new IllegalArgumentException("string constants do not take part in arithmetic");
    }
}
