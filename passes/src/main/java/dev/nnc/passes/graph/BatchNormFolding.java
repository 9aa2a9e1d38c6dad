package dev.nnc.passes.graph;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The weight arithmetic of {@link FoldBatchNormPass}: {@code a}, {@code b} are per-channel scale and shift. */
final class BatchNormFolding {
    private BatchNormFolding() {
    }

    /** BN after Conv/Gemm/MatMul: scales output channels. */
    static boolean intoProducer(Operation p, Operation bn, double[][] ab) {
        double[] a = ab[0];
        double[] b = ab[1];
        int m = a.length;
        switch (p.name()) {
            case "onnx.Conv": {
                Tensor w = Graph.constant(p.operand(1));
                Tensor bias = Graph.present(p, 2) ? Graph.constant(p.operand(2)) : null;
                if (w == null || w.dim(0) != m || (Graph.present(p, 2) && bias == null)) {
                    return false;
                }
                int inner = w.size() / m;
                double[] nw = new double[w.size()];
                for (int i = 0; i < nw.length; i++) {
                    nw[i] = w.getDouble(i) * a[i / inner];
                }
                double[] nb = new double[m];
                for (int k = 0; k < m; k++) {
                    nb[k] = (bias == null ? 0 : bias.getDouble(k)) * a[k] + b[k];
                }
                rebuild(p, bn, "onnx.Conv", p.operand(0), w, nw, nb, Map.of());
                return true;
            }
            case "onnx.Gemm":
            case "onnx.MatMul":
                return gemm(p, bn, a, b);
            default:
                return false;
        }
    }

    /** Gemm/MatMul [M,N] output, channel = column n: scale B's columns, C' = beta*C*a + b. */
    private static boolean gemm(Operation p, Operation bn, double[] a, double[] b) {
        boolean matmul = p.name().equals("onnx.MatMul");
        if (Graph.rank(p.operand(0)) != 2 || Graph.rank(p.result(0)) != 2) {
            return false;
        }
        OpAttributes at = new OpAttributes(p, DialectRegistry.standard().lookup(p.name()).orElse(null));
        if (!matmul && (p.property("broadcast") instanceof Attribute.IntAttr bc && bc.value() != 0)) {
            return false;
        }
        boolean tb = !matmul && at.getInt("transB", 0) != 0;
        double beta = matmul ? 1 : at.getFloat("beta", 1.0);
        Tensor w = Graph.constant(p.operand(1));
        int n = a.length;
        if (w == null || w.rank() != 2 || (tb ? w.dim(0) : w.dim(1)) != n) {
            return false;
        }
        Tensor c = !matmul && Graph.present(p, 2) ? Graph.constant(p.operand(2)) : null;
        if (!matmul && Graph.present(p, 2) && (c == null || !rowBroadcast(c, n))) {
            return false;
        }
        double[] nw = new double[w.size()];
        for (int i = 0; i < nw.length; i++) {
            int col = tb ? i / w.dim(1) : i % n;
            nw[i] = w.getDouble(i) * a[col];
        }
        double[] nc = new double[n];
        for (int k = 0; k < n; k++) {
            double cv = c == null ? 0 : beta * c.getDouble(c.size() == 1 ? 0 : k);
            nc[k] = cv * a[k] + b[k];
        }
        Map<String, Attribute> props = new TreeMap<>();
        props.put("beta", Attribute.of(1.0));
        rebuild(p, bn, "onnx.Gemm", p.operand(0), w, nw, nc, props);
        return true;
    }

    /** C is a scalar, [N] or [1,N]: the same for every row. */
    private static boolean rowBroadcast(Tensor c, int n) {
        int[] s = c.shape();
        return c.size() == 1 || (s.length == 1 && s[0] == n) || (s.length == 2 && s[0] == 1 && s[1] == n);
    }

    /** Replaces producer + BN by {@code name}(x, W', bias') with the producer's properties plus {@code extra}. */
    private static void rebuild(Operation p, Operation bn, String name, Value x, Tensor w, double[] nw, double[] nb,
                                Map<String, Attribute> extra) {
        ElementType e = w.elementType();
        Value wv = Graph.makeConstant(p, Tensor.ofDoubles(e, w.shape(), nw), nameOf(p.operand(1), "weight") + "_bn");
        Value bv = Graph.makeConstant(p, Tensor.ofDoubles(e, new int[] {nb.length}, nb), nameOf(p.result(0), "out") + "_bn_bias");
        Map<String, Attribute> props = new TreeMap<>(p.properties());
        props.putAll(extra);
        if (name.equals("onnx.Gemm") && p.name().equals("onnx.MatMul")) {
            props.put("alpha", Attribute.of(1.0));
            props.put("transA", Attribute.of(0));
            props.put("transB", Attribute.of(0));
        }
        Operation n = Operation.create(name, List.of(x, wv, bv), List.of(bn.result(0).type()), props, p.location());
        p.parent().insertBefore(p, n);
        n.result(0).setNameHint(bn.result(0).nameHint());
        FoldBatchNormPass.replaceResult(bn, n);
        Graph.eraseWithDeadConstants(bn);
        Graph.eraseWithDeadConstants(p);
    }

    /** BN before a Conv without padding and group 1: scales input channels, shifts the bias. */
    static boolean intoConsumer(Operation bn, double[][] ab) {
        Operation conv = Graph.singleUser(bn.result(0));
        if (conv == null || !conv.name().equals("onnx.Conv") || conv.operand(0) != bn.result(0)) {
            return false;
        }
        OpAttributes at = new OpAttributes(conv, DialectRegistry.standard().lookup(conv.name()).orElse(null));
        String autoPad = at.getString("auto_pad", "NOTSET");
        long[] pads = at.getInts("pads", new long[0]);
        boolean noPads = autoPad.equals("VALID") || (autoPad.equals("NOTSET") && java.util.Arrays.stream(pads).allMatch(v -> v == 0));
        Tensor w = Graph.constant(conv.operand(1));
        Tensor bias = Graph.present(conv, 2) ? Graph.constant(conv.operand(2)) : null;
        double[] a = ab[0];
        double[] b = ab[1];
        if (!noPads || at.getInt("group", 1) != 1 || w == null || w.dim(1) != a.length
                || (Graph.present(conv, 2) && bias == null)) {
            return false;
        }
        int m = w.dim(0);
        int c = a.length;
        int k = w.size() / (m * c);
        double[] nw = new double[w.size()];
        double[] nb = new double[m];
        for (int i = 0; i < nw.length; i++) {
            int ci = (i / k) % c;
            nw[i] = w.getDouble(i) * a[ci];
            nb[i / (c * k)] += w.getDouble(i) * b[ci];
        }
        for (int o = 0; o < m; o++) {
            nb[o] += bias == null ? 0 : bias.getDouble(o);
        }
        List<Value> ops = new ArrayList<>(conv.operands());
        Value wv = Graph.makeConstant(conv, Tensor.ofDoubles(w.elementType(), w.shape(), nw), nameOf(conv.operand(1), "weight") + "_bn");
        Value bv = Graph.makeConstant(conv, Tensor.ofDoubles(w.elementType(), new int[] {m}, nb), nameOf(conv.result(0), "out") + "_bn_bias");
        Operation n = Operation.create("onnx.Conv", List.of(bn.operand(0), wv, bv), List.of(conv.result(0).type()),
                conv.properties(), conv.location());
        conv.parent().insertBefore(conv, n);
        n.result(0).setNameHint(conv.result(0).nameHint());
        conv.result(0).replaceAllUsesWith(n.result(0));
        Graph.eraseWithDeadConstants(conv);
        Graph.eraseWithDeadConstants(bn);
        return !ops.isEmpty();
    }

    private static String nameOf(Value v, String dflt) {
        return v.nameHint() != null ? v.nameHint() : dflt;
    }
}
