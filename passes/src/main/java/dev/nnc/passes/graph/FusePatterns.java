package dev.nnc.passes.graph;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.passes.rewrite.PatternRewriter;
import dev.nnc.passes.rewrite.RewritePattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The patterns of {@link FusePass}. */
final class FusePatterns {
    private FusePatterns() {
    }

    static List<RewritePattern> all(int opset, Set<String> activations) {
        List<RewritePattern> p = new ArrayList<>();
        p.add(new LocalPattern("fuse-pad-into-conv", "onnx.Conv", FusePatterns::padIntoConv));
        p.add(new LocalPattern("fuse-bias-add", "onnx.Add", FusePatterns::biasAdd));
        for (String act : List.of("Relu", "Clip", "LeakyRelu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh")) {
            if (activations.contains(act.toLowerCase(Locale.ROOT))) {
                p.add(new LocalPattern("fuse-activation", "onnx." + act, (op, rw) -> activation(op, rw, opset)));
            }
        }
        return p;
    }

    private static OpAttributes attrs(Operation op) {
        return new OpAttributes(op, DialectRegistry.standard().lookup(op.name()).orElse(null));
    }

    /** The producer of {@code v} when {@code user} is its only user and it is one of {@code names}. */
    private static Operation soleProducer(Value v, Operation user, Set<String> names) {
        Operation d = v.definingOp();
        return d != null && names.contains(d.name()) && Graph.singleUser(v) == user ? d : null;
    }

    private static boolean isMatrixMatMul(Operation op) {
        return op.name().equals("onnx.MatMul") && Graph.rank(op.operand(0)) == 2 && Graph.rank(op.operand(1)) == 2;
    }

    private static boolean padIntoConv(Operation conv, PatternRewriter rw) {
        Operation pad = soleProducer(conv.operand(0), conv, Set.of("onnx.Pad"));
        OpAttributes ca = attrs(conv);
        int r = Graph.rank(conv.operand(0));
        if (pad == null || r < 3 || !ca.getString("auto_pad", "NOTSET").equals("NOTSET")) {
            return false;
        }
        OpAttributes pa = attrs(pad);
        long[] pads = Graph.intsProperty(pad, "pads");
        if (pads == null) {
            pads = Graph.intsProperty(pad, "paddings");
        }
        if (pads == null && Graph.present(pad, 1)) {
            pads = Graph.ints(Graph.constant(pad.operand(1)));
        }
        boolean zeroValue = Graph.present(pad, 2) ? isZero(Graph.constant(pad.operand(2))) : pa.getFloat("value", 0) == 0;
        if (pads == null || pads.length != 2 * r || !pa.getString("mode", "constant").equals("constant") || !zeroValue
                || Graph.present(pad, 3) || pads[0] != 0 || pads[1] != 0 || pads[r] != 0 || pads[r + 1] != 0
                || Arrays.stream(pads).anyMatch(v -> v < 0)) {
            return false;
        }
        int s = r - 2;
        long[] cp = ca.getInts("pads", new long[2 * s]);
        if (cp.length != 2 * s) {
            return false;
        }
        long[] np = new long[2 * s];
        for (int i = 0; i < s; i++) {
            np[i] = cp[i] + pads[i + 2];
            np[i + s] = cp[i + s] + pads[r + i + 2];
        }
        List<Value> operands = new ArrayList<>(conv.operands());
        operands.set(0, pad.operand(0));
        Map<String, Attribute> props = new TreeMap<>(conv.properties());
        props.put("pads", Attribute.ints(np));
        replace(conv, rw, "onnx.Conv", operands, props);
        rw.eraseOp(pad);
        return true;
    }

    private static boolean isZero(Tensor t) {
        return t != null && CanonicalPatterns.all(t, 0);
    }

    /** Creates {@code name}(operands) with {@code props} and the type of {@code old}'s result, replacing {@code old}. */
    private static Operation replace(Operation old, PatternRewriter rw, String name, List<Value> operands, Map<String, Attribute> props) {
        Operation n = rw.create(name, operands, List.of(old.result(0).type()), props, old.location());
        n.attributes().putAll(old.attributes());
        n.result(0).setNameHint(old.result(0).nameHint());
        rw.replaceOp(old, List.of(n.result(0)));
        return n;
    }

    private static boolean biasAdd(Operation add, PatternRewriter rw) {
        if (add.property("broadcast") != null || add.property("axis") != null || !Graph.isFloat(add.result(0))) {
            return false;
        }
        for (int side = 0; side < 2; side++) {
            Operation p = soleProducer(add.operand(side), add, Set.of("onnx.Conv", "onnx.Gemm", "onnx.MatMul"));
            Tensor d = Graph.constant(add.operand(1 - side));
            int[] out = Graph.shape(add.result(0));
            if (p == null || d == null || out == null || !Arrays.equals(out, Graph.shape(p.result(0)))) {
                continue;
            }
            boolean done = p.name().equals("onnx.Conv") ? convBias(p, add, d, rw) : gemmBias(p, add, d, out, rw);
            if (done) {
                return true;
            }
        }
        return false;
    }

    /** Conv + Add(D) where D is one value per output channel (or one value). */
    private static boolean convBias(Operation conv, Operation add, Tensor d, PatternRewriter rw) {
        int[] out = Graph.shape(conv.result(0));
        int m = out[1];
        int[] ds = d.shape();
        if (ds.length > out.length) {
            return false;
        }
        for (int i = 0; i < ds.length; i++) {
            int axis = out.length - ds.length + i;
            if (ds[i] != 1 && !(axis == 1 && ds[i] == m)) {
                return false;
            }
        }
        Tensor old = Graph.present(conv, 2) ? Graph.constant(conv.operand(2)) : null;
        if (Graph.present(conv, 2) && old == null) {
            return false;
        }
        double[] nb = new double[m];
        for (int k = 0; k < m; k++) {
            nb[k] = (old == null ? 0 : old.getDouble(k)) + d.getDouble(d.size() == 1 ? 0 : k);
        }
        ElementType e = d.elementType();
        Value bias = constant(rw, add, Tensor.ofDoubles(e, new int[] {m}, nb), "conv_bias");
        List<Value> operands = List.of(conv.operand(0), conv.operand(1), bias);
        replace(add, rw, "onnx.Conv", operands, conv.properties());
        rw.eraseOp(conv);
        return true;
    }

    /** Gemm + Add(D): C' = beta*C + D, beta = 1. 2-D MatMul + Add(D): Gemm(A, B, D). */
    private static boolean gemmBias(Operation p, Operation add, Tensor d, int[] out, PatternRewriter rw) {
        boolean matmul = p.name().equals("onnx.MatMul");
        if (out.length != 2 || (matmul && !isMatrixMatMul(p)) || d.rank() > 2 || !Arrays.equals(Shapes.broadcast(d.shape(), out), out)) {
            return false;
        }
        Map<String, Attribute> props = new TreeMap<>(p.properties());
        Value c;
        if (matmul) {
            props.put("alpha", Attribute.of(1.0));
            props.put("transA", Attribute.of(0));
            props.put("transB", Attribute.of(0));
            c = add.operand(add.operand(0) == p.result(0) ? 1 : 0);
        } else {
            if (p.property("broadcast") instanceof Attribute.IntAttr bc && bc.value() != 0) {
                return false;
            }
            Tensor old = Graph.present(p, 2) ? Graph.constant(p.operand(2)) : null;
            if (Graph.present(p, 2) && (old == null || !Arrays.equals(Shapes.broadcast(old.shape(), out), out))) {
                return false;
            }
            double beta = attrs(p).getFloat("beta", 1.0);
            int[] shape = old == null ? d.shape() : Shapes.broadcast(old.shape(), d.shape());
            int[] oi = old == null ? null : Shapes.broadcastIndex(old.shape(), shape);
            int[] di = Shapes.broadcastIndex(d.shape(), shape);
            double[] v = new double[(int) Shapes.size(shape)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (old == null ? 0 : beta * old.getDouble(oi[i])) + d.getDouble(di[i]);
            }
            c = constant(rw, add, Tensor.ofDoubles(d.elementType(), shape, v), "gemm_bias");
        }
        props.put("beta", Attribute.of(1.0));
        replace(add, rw, "onnx.Gemm", List.of(p.operand(0), p.operand(1), c), props);
        rw.eraseOp(p);
        return true;
    }

    private static Value constant(PatternRewriter rw, Operation at, Tensor t, String name) {
        Operation c = rw.create(Graph.CONSTANT, List.of(), List.of(t.tensorType()),
                Map.of("value", new Attribute.DenseAttr(t)), at.location());
        c.result(0).setNameHint(name);
        return c.result(0);
    }

    private static boolean activation(Operation act, PatternRewriter rw, int opset) {
        Operation p = soleProducer(act.operand(0), act, Set.of("onnx.Conv", "onnx.Gemm", "onnx.MatMul"));
        if (p == null || !Graph.isFloat(act.result(0)) || (p.name().equals("onnx.MatMul") && !isMatrixMatMul(p))) {
            return false;
        }
        if (p.name().equals("onnx.Gemm") && p.property("broadcast") instanceof Attribute.IntAttr bc && bc.value() != 0) {
            return false;
        }
        double[] params = params(act, opset);
        if (params == null) {
            return false;
        }
        Map<String, Attribute> props = new TreeMap<>(p.properties());
        props.remove("broadcast");
        if (p.name().equals("onnx.MatMul")) {
            props.put("alpha", Attribute.of(1.0));
            props.put("beta", Attribute.of(1.0));
            props.put("transA", Attribute.of(0));
            props.put("transB", Attribute.of(0));
        }
        props.put("activation", Attribute.of(act.opName()));
        List<Attribute> ps = new ArrayList<>();
        for (double v : params) {
            ps.add(Attribute.of(v));
        }
        props.put("activation_params", new Attribute.ArrayAttr(ps));
        String name = p.name().equals("onnx.Conv") ? "onnx.FusedConv" : "onnx.FusedGemm";
        replace(act, rw, name, p.operands(), props);
        rw.eraseOp(p);
        return true;
    }

    /** The activation's parameters as the fused op stores them, or null when they are not constant. */
    private static double[] params(Operation act, int opset) {
        OpAttributes a = attrs(act);
        switch (act.opName()) {
            case "LeakyRelu":
                return new double[] {(float) a.getFloat("alpha", 0.01)};
            case "HardSigmoid":
                return new double[] {(float) a.getFloat("alpha", 0.2), (float) a.getFloat("beta", 0.5)};
            case "Clip":
                return clipBounds(act, a, opset);
            default:
                return new double[0];
        }
    }

    private static double[] clipBounds(Operation act, OpAttributes a, int opset) {
        if (opset < 11 && act.numOperands() == 1) {
            double dflt = opset >= 6 ? Float.MAX_VALUE : Double.POSITIVE_INFINITY;
            return new double[] {a.has("min") ? (float) a.getFloat("min") : -dflt, a.has("max") ? (float) a.getFloat("max") : dflt};
        }
        double[] b = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 1; i <= 2; i++) {
            if (Graph.present(act, i)) {
                Tensor t = Graph.constant(act.operand(i));
                if (t == null || t.size() != 1) {
                    return null;
                }
                b[i - 1] = t.getDouble(0);
            }
        }
        return b;
    }
}
