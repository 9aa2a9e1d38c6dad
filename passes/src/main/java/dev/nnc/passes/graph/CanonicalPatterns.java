package dev.nnc.passes.graph;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.passes.rewrite.PatternRewriter;
import dev.nnc.passes.rewrite.RewritePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The local simplifications of {@link CanonicalizePass}, each a named pattern. */
final class CanonicalPatterns {
    private static final Set<String> RESHAPES = Set.of("onnx.Reshape", "onnx.Flatten", "onnx.Squeeze", "onnx.Unsqueeze");

    private CanonicalPatterns() {
    }

    static List<RewritePattern> all(int opset) {
        List<RewritePattern> p = new ArrayList<>();
        p.add(new LocalPattern("remove-identity", "onnx.Identity", (op, rw) -> forward(op, rw)));
        p.add(new LocalPattern("remove-dropout", "onnx.Dropout", CanonicalPatterns::dropout));
        p.add(new LocalPattern("remove-noop-transpose", "onnx.Transpose", (op, rw) -> {
            long[] perm = Graph.perm(op);
            return perm != null && Graph.isIdentity(perm) && forward(op, rw);
        }));
        p.add(new LocalPattern("merge-transposes", "onnx.Transpose", CanonicalPatterns::mergeTransposes));
        p.add(new LocalPattern("remove-noop-cast", "onnx.Cast", (op, rw) ->
                elem(op.operand(0)) != null && elem(op.operand(0)).equals(elem(op.result(0))) && forward(op, rw)));
        for (String r : RESHAPES) {
            p.add(new LocalPattern("remove-noop-reshape", r, (op, rw) -> sameStatic(op) && forward(op, rw)));
            p.add(new LocalPattern("merge-reshapes", r, (op, rw) -> opset >= 5 && mergeReshapes(op, rw)));
        }
        p.add(new LocalPattern("remove-noop-flatten", "onnx.Flatten", (op, rw) -> {
            long axis = op.property("axis") instanceof Attribute.IntAttr i ? i.value() : 1;
            return Graph.rank(op.operand(0)) == 2 && (axis == 1 || axis == -1) && forward(op, rw);
        }));
        p.add(new LocalPattern("remove-noop-expand", "onnx.Expand", (op, rw) -> sameStatic(op) && forward(op, rw)));
        p.add(new LocalPattern("remove-single-concat", "onnx.Concat", (op, rw) ->
                op.numOperands() == 1 && Objects.equals(op.operand(0).type(), op.result(0).type()) && forward(op, rw)));
        p.add(new LocalPattern("remove-zero-pad", "onnx.Pad", CanonicalPatterns::zeroPad));
        p.add(new LocalPattern("remove-full-slice", "onnx.Slice", (op, rw) -> {
            if (!sameStatic(op)) {
                return false;
            }
            Tensor steps = Graph.present(op, 4) ? Graph.constant(op.operand(4)) : null;
            boolean unitSteps = !Graph.present(op, 4) || (steps != null && all(steps, 1));
            return unitSteps && forward(op, rw);
        }));
        for (String name : List.of("onnx.Add", "onnx.Sub", "onnx.Mul", "onnx.Div")) {
            p.add(new LocalPattern("remove-neutral-operand", name, CanonicalPatterns::neutralOperand));
        }
        return p;
    }

    /** Replaces a one-result op by its first operand. */
    static boolean forward(Operation op, PatternRewriter rw) {
        rw.replaceOp(op, List.of(op.operand(0)));
        return true;
    }

    private static Object elem(Value v) {
        return v.type() instanceof TensorType tt ? tt.elementType() : null;
    }

    /** Operand 0 and result 0 have the same static type. */
    static boolean sameStatic(Operation op) {
        return Graph.shape(op.operand(0)) != null && op.operand(0).type().equals(op.result(0).type());
    }

    private static boolean dropout(Operation op, PatternRewriter rw) {
        if (op.numResults() > 1 && op.result(1).hasUses()) {
            return false;
        }
        if (Graph.present(op, 2)) {
            Tensor training = Graph.constant(op.operand(2));
            if (training == null || !all(training, 0)) {
                return false;
            }
        }
        rw.replaceAllUsesWith(op.result(0), op.operand(0));
        rw.eraseOp(op);
        return true;
    }

    static boolean mergeTransposes(Operation op, PatternRewriter rw) {
        Operation in = op.operand(0).definingOp();
        if (in == null || !in.name().equals("onnx.Transpose")) {
            return false;
        }
        long[] p1 = Graph.perm(in);
        long[] p2 = Graph.perm(op);
        if (p1 == null || p2 == null || p1.length != p2.length) {
            return false;
        }
        long[] q = new long[p2.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = p1[(int) p2[i]];
        }
        Value x = in.operand(0);
        if (Graph.isIdentity(q)) {
            rw.replaceOp(op, List.of(x));
        } else {
            Operation t = rw.create("onnx.Transpose", List.of(x), List.of(op.result(0).type()),
                    Map.of("perm", Attribute.ints(q)), op.location());
            t.result(0).setNameHint(op.result(0).nameHint());
            rw.replaceOp(op, List.of(t.result(0)));
        }
        return true;
    }

    /** A chain of reshape-like ops with a static end shape becomes one Reshape of the chain's input. */
    private static boolean mergeReshapes(Operation op, PatternRewriter rw) {
        Operation in = op.operand(0).definingOp();
        int[] out = Graph.shape(op.result(0));
        if (in == null || !RESHAPES.contains(in.name()) || out == null || !(op.result(0).type() instanceof TensorType tt)) {
            return false;
        }
        Value x = in.operand(0);
        if (java.util.Arrays.stream(out).anyMatch(d -> d == 0)) {
            return false; // a 0 in a Reshape shape copies an input dim
        }
        if (x.type().equals(tt)) {
            rw.replaceOp(op, List.of(x));
            return true;
        }
        long[] dims = new long[out.length];
        for (int i = 0; i < out.length; i++) {
            dims[i] = out[i];
        }
        Tensor shape = Tensor.ofLongs(IntegerType.I64, new int[] {dims.length}, dims);
        Operation c = rw.create(Graph.CONSTANT, List.of(), List.of(shape.tensorType()),
                Map.of("value", new Attribute.DenseAttr(shape)), op.location());
        Operation r = rw.create("onnx.Reshape", List.of(x, c.result(0)), List.of(tt), Map.of("allowzero", Attribute.of(0)), op.location());
        r.result(0).setNameHint(op.result(0).nameHint());
        rw.replaceOp(op, List.of(r.result(0)));
        return true;
    }

    private static boolean zeroPad(Operation op, PatternRewriter rw) {
        long[] pads = Graph.intsProperty(op, "pads");
        if (pads == null) {
            pads = Graph.intsProperty(op, "paddings");
        }
        if (pads == null && Graph.present(op, 1)) {
            pads = Graph.ints(Graph.constant(op.operand(1)));
        }
        if (pads == null) {
            return false;
        }
        for (long v : pads) {
            if (v != 0) {
                return false;
            }
        }
        return Objects.equals(op.operand(0).type(), op.result(0).type()) && forward(op, rw);
    }

    /** x+0, 0+x, x-0, x*1, 1*x, x/1 when the constant does not broadcast x to a bigger shape. */
    private static boolean neutralOperand(Operation op, PatternRewriter rw) {
        if (op.property("broadcast") != null || op.property("axis") != null || op.numOperands() != 2) {
            return false;
        }
        String n = op.opName();
        double neutral = n.equals("Add") || n.equals("Sub") ? 0 : 1;
        boolean commutative = n.equals("Add") || n.equals("Mul");
        for (int side = 1; side >= (commutative ? 0 : 1); side--) {
            Tensor c = Graph.constant(op.operand(side));
            Value x = op.operand(1 - side);
            if (c == null || c.isStrings() || !all(c, neutral) || Graph.rank(x) < c.rank()
                    || !x.type().equals(op.result(0).type())) {
                continue;
            }
            rw.replaceOp(op, List.of(x));
            return true;
        }
        return false;
    }

    /** Every element of {@code t} equals {@code v}. */
    static boolean all(Tensor t, double v) {
        if (t.isStrings()) {
            return false;
        }
        for (int i = 0; i < t.size(); i++) {
            if (t.getDouble(i) != v) {
                return false;
            }
        }
        return true;
    }
}
