package dev.nnc.ir.text;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Region;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TypeSpelling;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Structural equality of IR, for tests: op names, properties, discardable attributes, regions,
 * block argument types, operand wiring (by position), result types, value names and location
 * names. Text positions of locations and constants' resource names are ignored. Name hints are
 * compared as the printer would write them (legalised and made unique), because that is all the
 * text can carry: {@code conv1/weights:0} and {@code conv1_weights_0} compare equal.
 */
public final class StructuralEquality {
    private final ValueNamer namesA;
    private final ValueNamer namesB;
    private final Map<Value, Value> mapped = new IdentityHashMap<>();
    private final Set<Value> mappedB = Collections.newSetFromMap(new IdentityHashMap<>());

    private StructuralEquality(Operation a, Operation b) {
        namesA = new ValueNamer(a);
        namesB = new ValueNamer(b);
    }

    /** Null when equal, else a one-line description of the first difference found. */
    public static String describeDifference(Operation a, Operation b) {
        return new StructuralEquality(a, b).op(a, b, "");
    }

    public static String describeDifference(ModuleOp a, ModuleOp b) {
        return describeDifference(a.op(), b.op());
    }

    public static boolean equal(Operation a, Operation b) {
        return describeDifference(a, b) == null;
    }

    private String op(Operation a, Operation b, String parentPath) {
        String path = parentPath + "/" + describe(a);
        if (!a.name().equals(b.name())) {
            return path + ": op name " + a.name() + " vs " + b.name();
        }
        if (!Objects.equals(a.location().name(), b.location().name())) {
            return path + ": location name " + a.location().name() + " vs " + b.location().name();
        }
        String d = operands(a, b);
        if (d == null) {
            d = results(a, b);
        }
        if (d == null) {
            d = attrs("property", a.properties(), b.properties());
        }
        if (d == null) {
            d = attrs("attribute", a.attributes(), b.attributes());
        }
        if (d != null) {
            return path + ": " + d;
        }
        if (a.regions().size() != b.regions().size()) {
            return path + ": " + a.regions().size() + " vs " + b.regions().size() + " regions";
        }
        for (int i = 0; i < a.regions().size(); i++) {
            d = region(a.region(i), b.region(i), path + "/region " + i);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private String operands(Operation a, Operation b) {
        if (a.numOperands() != b.numOperands()) {
            return a.numOperands() + " vs " + b.numOperands() + " operands";
        }
        for (int i = 0; i < a.numOperands(); i++) {
            Value va = a.operand(i);
            Value vb = b.operand(i);
            Value expected = mapped.get(va);
            boolean same = expected != null ? expected == vb
                    : !mappedB.contains(vb) && Objects.equals(va.type(), vb.type());
            if (!same) {
                return "operand #" + i + " is %" + namesA.name(va) + " vs %" + namesB.name(vb);
            }
        }
        return null;
    }

    private String results(Operation a, Operation b) {
        if (a.numResults() != b.numResults()) {
            return a.numResults() + " vs " + b.numResults() + " results";
        }
        return values("result", a.results(), b.results());
    }

    /** Compares types and names of corresponding definitions, then records them as matched. */
    private String values(String what, List<Value> as, List<Value> bs) {
        for (int i = 0; i < as.size(); i++) {
            Value va = as.get(i);
            Value vb = bs.get(i);
            if (!Objects.equals(va.type(), vb.type())) {
                return what + " #" + i + " type " + TypeSpelling.of(va.type()) + " vs " + TypeSpelling.of(vb.type());
            }
            if (!namesA.name(va).equals(namesB.name(vb))) {
                return what + " #" + i + " name %" + namesA.name(va) + " vs %" + namesB.name(vb);
            }
            mapped.put(va, vb);
            mappedB.add(vb);
        }
        return null;
    }

    private String region(Region a, Region b, String path) {
        if (a.blocks().size() != b.blocks().size()) {
            return path + ": " + a.blocks().size() + " vs " + b.blocks().size() + " blocks";
        }
        for (int i = 0; i < a.blocks().size(); i++) {
            String d = block(a.blocks().get(i), b.blocks().get(i), path + "/block " + i);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private String block(Block a, Block b, String path) {
        if (a.arguments().size() != b.arguments().size()) {
            return path + ": " + a.arguments().size() + " vs " + b.arguments().size() + " arguments";
        }
        String d = values("argument", a.arguments(), b.arguments());
        if (d != null) {
            return path + ": " + d;
        }
        int n = Math.min(a.operations().size(), b.operations().size());
        for (int i = 0; i < n; i++) {
            d = op(a.operations().get(i), b.operations().get(i), path + "/op " + i);
            if (d != null) {
                return d;
            }
        }
        if (a.operations().size() != b.operations().size()) {
            return path + ": " + a.operations().size() + " vs " + b.operations().size() + " operations";
        }
        return null;
    }

    private static String attrs(String what, Map<String, Attribute> a, Map<String, Attribute> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            Attribute x = a.get(k);
            Attribute y = b.get(k);
            if (!Objects.equals(x, y)) {
                return what + " '" + k + "' " + show(x) + " vs " + show(y);
            }
        }
        return null;
    }

    private static String show(Attribute a) {
        if (a == null) {
            return "(absent)";
        }
        if (a instanceof Attribute.DenseAttr d && d.value().size() > AttrPrinter.INLINE_LIMIT) {
            Tensor t = d.value();
            return "dense " + t.tensorType() + " (hash " + Integer.toHexString(t.hashCode()) + ")";
        }
        StringBuilder sb = new StringBuilder();
        new AttrPrinter(new ResourceTable()).print(sb, a, null);
        return sb.toString();
    }

    private static String describe(Operation op) {
        String loc = op.location().name();
        return op.name() + (loc != null ? "(" + loc + ")" : "");
    }
}
