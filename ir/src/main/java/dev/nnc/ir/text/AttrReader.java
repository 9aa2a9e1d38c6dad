package dev.nnc.ir.text;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.text.NncIrParser.ArrayValueContext;
import dev.nnc.ir.text.NncIrParser.AttrEntriesContext;
import dev.nnc.ir.text.NncIrParser.AttrEntryContext;
import dev.nnc.ir.text.NncIrParser.AttrValueContext;
import dev.nnc.ir.text.NncIrParser.DenseValueContext;
import dev.nnc.ir.text.NncIrParser.KeyContext;
import dev.nnc.ir.text.NncIrParser.ResourceValueContext;
import dev.nnc.ir.text.NncIrParser.TypeValueContext;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.antlr.v4.runtime.Token;

/** Builds {@link Attribute}s from parse trees; constants are read by {@link DenseReader}. */
final class AttrReader {
    private final String file;
    private final TypeReader types;
    private final DenseReader dense;

    AttrReader(String file, TypeReader types, DenseReader dense) {
        this.file = file;
        this.types = types;
        this.dense = dense;
    }

    /** A sorted map of the entries; a key given twice is an error. */
    Map<String, Attribute> entries(AttrEntriesContext c) {
        Map<String, Attribute> out = new TreeMap<>();
        if (c == null) {
            return out;
        }
        for (AttrEntryContext e : c.attrEntry()) {
            String k = key(e.key());
            if (out.put(k, value(e.attrValue())) != null) {
                throw TextError.at(file, e.start, "attribute '" + k + "' given twice");
            }
        }
        return out;
    }

    String key(KeyContext k) {
        return k.STRING() != null ? types.unquote(k.STRING().getSymbol()) : k.getText();
    }

    Attribute value(AttrValueContext c) {
        if (c instanceof NncIrParser.IntValueContext i) {
            return new Attribute.IntAttr(parseLong(i.INT().getSymbol()));
        }
        if (c instanceof NncIrParser.FloatValueContext) {
            return new Attribute.FloatAttr(FloatFormat.parse(c.getText(), FloatType.F64));
        }
        if (c instanceof NncIrParser.StringValueContext s) {
            return new Attribute.StringAttr(types.unquote(s.STRING().getSymbol()));
        }
        if (c instanceof ArrayValueContext a) {
            List<Attribute> items = new ArrayList<>();
            a.attrValue().forEach(v -> items.add(value(v)));
            return new Attribute.ArrayAttr(items);
        }
        if (c instanceof NncIrParser.UnitValueContext) {
            return new Attribute.UnitAttr();
        }
        if (c instanceof TypeValueContext t) {
            return new Attribute.TypeAttr(types.type(t.type()));
        }
        if (c instanceof DenseValueContext d) {
            TensorType tt = types.tensorType(d.tensorType());
            return dense.inline(d.denseElement(), tt, d.start);
        }
        ResourceValueContext r = (ResourceValueContext) c;
        return dense.resource(key(r.resourceKey().key()), types.tensorType(r.tensorType()), r.start);
    }

    private long parseLong(Token t) {
        try {
            return Long.parseLong(t.getText());
        } catch (NumberFormatException ex) {
            throw TextError.at(file, t, "integer " + t.getText() + " does not fit in 64 bits");
        }
    }
}
