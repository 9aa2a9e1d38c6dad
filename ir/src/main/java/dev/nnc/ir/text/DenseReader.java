package dev.nnc.ir.text;

import dev.nnc.ir.attr.Attribute.DenseAttr;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.NncIrParser.DenseElementContext;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Reads constants: inline {@code dense<[...]>} element lists, and {@code dense_resource<key>}
 * references into the resource section (decoded once per key, so shared references stay shared).
 */
final class DenseReader {
    private final String file;
    private final TypeReader types;
    private final Map<String, String> blobs;
    private final Map<String, DenseAttr> decoded = new HashMap<>();

    DenseReader(String file, TypeReader types, Map<String, String> blobs) {
        this.file = file;
        this.types = types;
        this.blobs = blobs;
    }

    DenseAttr inline(List<DenseElementContext> elems, TensorType type, Token at) {
        int[] shape = staticShape(type, at);
        long count = dev.nnc.ir.tensor.Shapes.size(shape);
        if (count != elems.size()) {
            throw TextError.at(file, at, "dense constant has " + elems.size() + " elements but " + type + " needs " + count);
        }
        ElementType e = type.elementType();
        int n = elems.size();
        if (e.byteSize() == 0) {
            String[] s = new String[n];
            for (int i = 0; i < n; i++) {
                s[i] = types.unquote(expect(elems.get(i), elems.get(i).STRING(), e));
            }
            return new DenseAttr(Tensor.ofStrings(shape, s));
        }
        if (e instanceof FloatType ft) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                DenseElementContext x = elems.get(i);
                if (x.STRING() != null || x.TRUE() != null || x.FALSE() != null) {
                    throw TextError.at(file, x.start, "expected a number of type " + ft.spelling() + ", got " + x.getText());
                }
                d[i] = FloatFormat.parse(x.getText(), ft);
            }
            return new DenseAttr(Tensor.ofDoubles(ft, shape, d));
        }
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = integral(elems.get(i), e);
        }
        return new DenseAttr(Tensor.ofLongs(e, shape, l));
    }

    DenseAttr resource(String key, TensorType type, Token at) {
        String hex = blobs.get(key);
        if (hex == null) {
            throw TextError.at(file, at, "unknown resource '" + key + "'");
        }
        DenseAttr known = decoded.get(key);
        if (known != null && known.value().tensorType().equals(type)) {
            return known;
        }
        int[] shape = staticShape(type, at);
        try {
            DenseAttr a = new DenseAttr(DenseCodec.fromHex(hex, type.elementType(), shape), key);
            decoded.putIfAbsent(key, a);
            return a;
        } catch (IllegalArgumentException ex) {
            throw TextError.at(file, at, "resource '" + key + "': " + ex.getMessage());
        }
    }

    private int[] staticShape(TensorType type, Token at) {
        if (!type.isStatic()) {
            throw TextError.at(file, at, "a constant needs a static shape, got " + type);
        }
        try {
            return type.shape();
        } catch (ArithmeticException ex) {
            throw TextError.at(file, at, "constant shape too large: " + type);
        }
    }

    private long integral(DenseElementContext x, ElementType e) {
        if (e == BoolType.I1 && (x.TRUE() != null || x.FALSE() != null)) {
            return x.TRUE() != null ? 1 : 0;
        }
        BigInteger v = new BigInteger(expect(x, x.INT(), e).getText());
        RawBits raw = RawBits.of(e);
        int width = raw.width();
        boolean signed = raw.signed();
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(width - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw TextError.at(file, x.start, "value " + v + " is out of range for " + e.spelling());
        }
        return v.longValue();
    }

    private Token expect(DenseElementContext x, org.antlr.v4.runtime.tree.TerminalNode node, ElementType e) {
        if (node == null) {
            throw TextError.at(file, x.start, "expected a value of type " + e.spelling() + ", got " + x.getText());
        }
        return node.getSymbol();
    }
}
