package dev.nnc.passes.quant;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Creates the ops of the quantised graph before an anchor op, with its location. */
final class QEmitter {
    private QEmitter() {
    }

    /** {@code name}(operands) with one result of {@code type}, inserted before {@code anchor}. */
    static Value op(Operation anchor, String name, List<Value> operands, Type type, Map<String, Attribute> props, String hint) {
        Operation n = Operation.create(name, operands, List.of(type), props, anchor.location());
        anchor.parent().insertBefore(anchor, n);
        n.result(0).setNameHint(hint);
        return n.result(0);
    }

    static Value constant(Operation anchor, Tensor t, String hint) {
        return op(anchor, "onnx.Constant", List.of(), t.tensorType(), Map.of("value", new Attribute.DenseAttr(t)), hint);
    }

    /** The type of {@code v} with element type {@code e} (same dims). */
    static TensorType retyped(Value v, ElementType e) {
        return new TensorType(e, ((TensorType) v.type()).dims());
    }

    /** The rounding/overflow properties of a cast, empty for the default mode. */
    static Map<String, Attribute> mode(CastMode m) {
        Map<String, Attribute> p = new TreeMap<>();
        if (!m.equals(CastMode.DEFAULT)) {
            p.put("rounding", new Attribute.StringAttr(m.rounding().name()));
            p.put("overflow", new Attribute.StringAttr(m.overflow().name()));
        }
        return p;
    }

    /** q.requantize properties: one multiplier/shift pair, or one per channel along axis 1. */
    static Map<String, Attribute> requantize(List<Requantizer> rs, CastMode m) {
        Map<String, Attribute> p = mode(m);
        if (rs.size() == 1) {
            p.put("multiplier", new Attribute.IntAttr(rs.get(0).multiplier()));
            p.put("shift", new Attribute.IntAttr(rs.get(0).shift()));
            return p;
        }
        List<Attribute> ms = new ArrayList<>();
        List<Attribute> ss = new ArrayList<>();
        for (Requantizer r : rs) {
            ms.add(new Attribute.IntAttr(r.multiplier()));
            ss.add(new Attribute.IntAttr(r.shift()));
        }
        p.put("multipliers", new Attribute.ArrayAttr(ms));
        p.put("shifts", new Attribute.ArrayAttr(ss));
        p.put("axis", new Attribute.IntAttr(1));
        return p;
    }
}
