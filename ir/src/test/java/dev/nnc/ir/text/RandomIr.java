package dev.nnc.ir.text;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.StringType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Random but valid-to-print IR for the round-trip property: every type, attribute and naming oddity. */
final class RandomIr {
    private static final String[] HINTS = {null, "", "x", "x", "x_1", "0", "12", "conv1/weights:0", "a b", "ü", "-", "$",
        ".dot", "onnx::Conv_3", "out"};
    private final Random rnd;

    RandomIr(long seed) {
        rnd = new Random(seed);
    }

    ModuleOp module() {
        ModuleOp m = ModuleOp.create();
        if (rnd.nextBoolean()) {
            m.setOpset(1 + rnd.nextInt(25));
        }
        int functions = 1 + rnd.nextInt(2);
        for (int f = 0; f < functions; f++) {
            function(m, "f" + f);
        }
        return m;
    }

    private void function(ModuleOp m, String name) {
        FuncOp f = FuncOp.create(m, name);
        List<Value> visible = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            visible.add(f.addInput(string(), type()));
        }
        fill(f.body(), visible, 2);
        List<Value> outs = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0 && !visible.isEmpty(); i--) {
            outs.add(visible.get(rnd.nextInt(visible.size())));
        }
        f.setOutputs(outs, outs.stream().map(v -> string()).toList());
    }

    private void fill(Block b, List<Value> visible, int depth) {
        for (int i = rnd.nextInt(6); i > 0; i--) {
            Operation op = rnd.nextInt(3) == 0 ? constant() : generic(visible);
            b.append(op);
            if (depth > 0 && rnd.nextInt(4) == 0) {
                Block inner = op.addRegion().addBlock();
                List<Value> innerVisible = new ArrayList<>(visible);
                for (int a = rnd.nextInt(3); a > 0; a--) {
                    innerVisible.add(inner.addArgument(type(), hint()));
                }
                fill(inner, innerVisible, depth - 1);
                if (rnd.nextBoolean()) {
                    op.addRegion();
                }
            }
            for (Value r : op.results()) {
                r.setNameHint(hint());
                visible.add(r);
            }
        }
    }

    private Operation constant() {
        Tensor t = tensor(element(), rnd.nextInt(3) == 0 ? 17 + rnd.nextInt(30) : rnd.nextInt(17));
        Attribute.DenseAttr value = new Attribute.DenseAttr(t, rnd.nextInt(4) == 0 ? string() : null);
        return Operation.create("onnx.Constant", List.of(), List.of(t.tensorType()), Map.of("value", value), location());
    }

    private Operation generic(List<Value> visible) {
        List<Value> operands = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0 && !visible.isEmpty(); i--) {
            operands.add(visible.get(rnd.nextInt(visible.size())));
        }
        List<Type> results = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            results.add(type());
        }
        Operation op = Operation.create("t." + (rnd.nextBoolean() ? "op" : "weird-op \"q\""), operands, results, attrs(),
                location());
        op.attributes().putAll(attrs());
        return op;
    }

    private Map<String, Attribute> attrs() {
        Map<String, Attribute> out = new TreeMap<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            out.put(rnd.nextBoolean() ? "k" + rnd.nextInt(5) : string(), attr(2));
        }
        return out;
    }

    private Attribute attr(int depth) {
        switch (rnd.nextInt(depth > 0 ? 8 : 7)) {
            case 0:
                return Attribute.of(rnd.nextLong());
            case 1:
                return Attribute.of(Double.longBitsToDouble(rnd.nextLong()));
            case 2:
                return Attribute.of(string());
            case 3:
                return new Attribute.TypeAttr(rnd.nextBoolean() ? type() : element());
            case 4:
                return new Attribute.UnitAttr();
            case 5:
                return new Attribute.DenseAttr(tensor(element(), rnd.nextInt(20)));
            case 6:
                return Attribute.of(new double[] {0.0, -0.0, Double.NaN, 1e-310, 0.1}[rnd.nextInt(5)]);
            default:
                List<Attribute> items = new ArrayList<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    items.add(attr(depth - 1));
                }
                return new Attribute.ArrayAttr(items);
        }
    }

    private Type type() {
        int pick = rnd.nextInt(10);
        if (pick == 0) {
            return NoneType.NONE;
        }
        if (pick == 1) {
            return element();
        }
        if (pick == 2) {
            return TensorType.unranked(element());
        }
        if (pick == 3) {
            Type inner = rnd.nextBoolean() ? TensorType.unranked(element()) : new SequenceType(TensorType.of(element(), 2));
            return rnd.nextBoolean() ? new SequenceType(inner) : new OptionalType(inner);
        }
        if (pick == 4) {
            return new StreamType(1 + rnd.nextInt(64), element());
        }
        List<Dim> dims = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            int d = rnd.nextInt(6);
            dims.add(d == 0 ? Dim.symbol(rnd.nextBoolean() ? null : string()) : Dim.of(d - 1));
        }
        return new TensorType(element(), dims);
    }

    private ElementType element() {
        return RoundTripTest.ELEMENT_TYPES.get(rnd.nextInt(RoundTripTest.ELEMENT_TYPES.size()));
    }

    private Tensor tensor(ElementType e, int n) {
        int[] shape = rnd.nextBoolean() || n == 1 ? new int[] {n} : new int[] {1, n};
        if (n == 1 && rnd.nextBoolean()) {
            shape = new int[0];
        }
        if (e == StringType.STR) {
            String[] s = new String[n];
            for (int i = 0; i < n; i++) {
                s[i] = string();
            }
            return Tensor.ofStrings(shape, s);
        }
        if (e instanceof FloatType ft) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = ft == FloatType.F64 ? Double.longBitsToDouble(rnd.nextLong()) : Float.intBitsToFloat(rnd.nextInt());
            }
            return Tensor.ofDoubles(ft, shape, d);
        }
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = rnd.nextLong();
        }
        if (e instanceof dev.nnc.ir.type.FixedType fx && fx.width() < 64) {
            for (int i = 0; i < n; i++) {
                l[i] = fx.signed() ? l[i] >> (64 - fx.width()) : l[i] >>> (64 - fx.width());
            }
        }
        return Tensor.ofLongs(e, shape, l);
    }

    private Location location() {
        return rnd.nextBoolean() ? Location.UNKNOWN : Location.named(string());
    }

    private String hint() {
        return rnd.nextBoolean() ? HINTS[rnd.nextInt(HINTS.length)] : string();
    }

    /** Short strings over ASCII, quotes, backslashes, control characters and non-ASCII. */
    private String string() {
        String alphabet = "ab_Z09 \"\\\n\t/:é中😀";
        StringBuilder sb = new StringBuilder();
        for (int i = rnd.nextInt(6); i > 0; i--) {
            sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return sb.toString();
    }
}
