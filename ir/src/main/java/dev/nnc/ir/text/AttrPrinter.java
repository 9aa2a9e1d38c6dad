package dev.nnc.ir.text;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.StringEscapes;
import dev.nnc.ir.type.TypeSpelling;
import dev.nnc.ir.type.Unsigned;
import java.util.Map;

/**
 * Text of attribute values: {@code 5}, {@code 0.5}, {@code "s"}, {@code [1, 2]}, a type,
 * {@code unit}, {@code dense<[...]> : tensor<...>} for small constants and
 * {@code dense_resource<key> : tensor<...>} for large ones (bytes go to the resource section).
 */
final class AttrPrinter {
    /** Constants with more elements than this go to the resource section. */
    static final int INLINE_LIMIT = 16;

    private final ResourceTable resources;

    AttrPrinter(ResourceTable resources) {
        this.resources = resources;
    }

    /** Prints {@code <{...}>}-style entries {@code key = value, ...} sorted as the map is. */
    void printEntries(StringBuilder out, Map<String, Attribute> attrs, String resourceHint) {
        boolean first = true;
        for (Map.Entry<String, Attribute> e : attrs.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            String k = e.getKey();
            out.append(Names.isBareKey(k) ? k : StringEscapes.quote(k)).append(" = ");
            print(out, e.getValue(), resourceHint);
        }
    }

    /** Prints one attribute; {@code resourceHint} names a large constant that has no resource name. */
    void print(StringBuilder out, Attribute a, String resourceHint) {
        if (a instanceof Attribute.IntAttr i) {
            out.append(i.value());
        } else if (a instanceof Attribute.FloatAttr f) {
            out.append(FloatFormat.format(f.value(), FloatType.F64));
        } else if (a instanceof Attribute.StringAttr s) {
            out.append(StringEscapes.quote(s.value()));
        } else if (a instanceof Attribute.ArrayAttr arr) {
            out.append('[');
            for (int i = 0; i < arr.values().size(); i++) {
                out.append(i == 0 ? "" : ", ");
                print(out, arr.values().get(i), resourceHint);
            }
            out.append(']');
        } else if (a instanceof Attribute.TypeAttr t) {
            out.append(TypeSpelling.of(t.type()));
        } else if (a instanceof Attribute.UnitAttr) {
            out.append("unit");
        } else if (a instanceof Attribute.DenseAttr d) {
            printDense(out, d, resourceHint);
        } else {
            throw new IllegalStateException("unknown attribute " + a);
        }
    }

    private void printDense(StringBuilder out, Attribute.DenseAttr d, String resourceHint) {
        Tensor t = d.value();
        if (t.size() > INLINE_LIMIT && DenseCodec.hasBytes(t)) {
            out.append("dense_resource<").append(resources.keyFor(d, resourceHint)).append('>');
        } else {
            out.append("dense<[");
            for (int i = 0; i < t.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                element(out, t, i);
            }
            out.append("]>");
        }
        out.append(" : ").append(TypeSpelling.of(t.tensorType()));
    }

    private static void element(StringBuilder out, Tensor t, int i) {
        if (t.isStrings()) {
            out.append(StringEscapes.quote(t.strings()[i]));
        } else if (t.isDoubles()) {
            out.append(FloatFormat.format(t.doubles()[i], (FloatType) t.elementType()));
        } else if (t.elementType() == BoolType.I1) {
            out.append(t.longs()[i] != 0 ? "true" : "false");
        } else if (Unsigned.isU64(t.elementType())) {
            out.append(Long.toUnsignedString(t.longs()[i]));
        } else {
            out.append(t.longs()[i]);
        }
    }
}
