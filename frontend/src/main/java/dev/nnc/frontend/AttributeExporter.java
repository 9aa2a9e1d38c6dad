package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.AttributeProto.AttributeType;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.AttrKind;
import java.nio.charset.StandardCharsets;

/**
 * IR properties as ONNX attributes: the inverse of {@link AttributeConverter}. The spec's kind
 * decides where the record alone is ambiguous (an empty list is INTS, FLOATS or STRINGS).
 */
final class AttributeExporter {
    private AttributeExporter() {
    }

    /** {@code kind} is the spec's kind of the attribute, or null when the spec does not list it. */
    static AttributeProto of(String name, Attribute a, AttrKind kind, String what) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name);
        if (a instanceof Attribute.IntAttr i) {
            return b.setType(AttributeType.INT).setI(i.value()).build();
        }
        if (a instanceof Attribute.FloatAttr f) {
            return b.setType(AttributeType.FLOAT).setF((float) f.value()).build();
        }
        if (a instanceof Attribute.StringAttr s) {
            return b.setType(AttributeType.STRING).setS(bytes(s.value())).build();
        }
        if (a instanceof Attribute.DenseAttr d) {
            return b.setType(AttributeType.TENSOR).setT(TensorProtoWriter.toProto(d.value(), d.resourceName())).build();
        }
        if (a instanceof Attribute.TypeAttr t) {
            return b.setType(AttributeType.TYPE_PROTO).setTp(ProtoTypes.of(t.type(), what)).build();
        }
        if (a instanceof Attribute.ArrayAttr arr) {
            return list(b, arr, kind, what);
        }
        throw new NncException(what + " attribute '" + name + "' (" + a + ") has no ONNX form");
    }

    private static AttributeProto list(AttributeProto.Builder b, Attribute.ArrayAttr arr, AttrKind kind, String what) {
        Attribute first = arr.values().isEmpty() ? null : arr.values().get(0);
        if (first instanceof Attribute.FloatAttr || first == null && kind == AttrKind.FLOATS) {
            b.setType(AttributeType.FLOATS);
            arr.values().forEach(v -> b.addFloats((float) ((Attribute.FloatAttr) v).value()));
        } else if (first instanceof Attribute.StringAttr || first == null && kind == AttrKind.STRINGS) {
            b.setType(AttributeType.STRINGS);
            arr.values().forEach(v -> b.addStrings(bytes(((Attribute.StringAttr) v).value())));
        } else if (first instanceof Attribute.DenseAttr) {
            b.setType(AttributeType.TENSORS);
            arr.values().forEach(v -> b.addTensors(TensorProtoWriter.toProto(((Attribute.DenseAttr) v).value(), null)));
        } else if (first instanceof Attribute.TypeAttr) {
            b.setType(AttributeType.TYPE_PROTOS);
            arr.values().forEach(v -> b.addTypeProtos(ProtoTypes.of(((Attribute.TypeAttr) v).type(), what)));
        } else if (first instanceof Attribute.IntAttr || first == null) {
            b.setType(AttributeType.INTS);
            arr.values().forEach(v -> b.addInts(((Attribute.IntAttr) v).value()));
        } else {
            throw new NncException(what + " attribute '" + b.getName() + "' is a list ONNX cannot hold");
        }
        return b.build();
    }

    private static com.google.protobuf.ByteString bytes(String s) {
        return com.google.protobuf.ByteString.copyFrom(s, StandardCharsets.UTF_8);
    }
}
