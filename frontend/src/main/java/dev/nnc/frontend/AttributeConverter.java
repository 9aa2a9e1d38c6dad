package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.AttributeProto.AttributeType;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import java.util.List;

/**
 * ONNX {@code AttributeProto} to IR {@link Attribute}: INT to IntAttr, FLOAT to FloatAttr (the
 * float32 widened exactly), STRING to StringAttr (bytes read as UTF-8), lists to ArrayAttr,
 * TENSOR (and SPARSE_TENSOR, expanded) to DenseAttr, TYPE_PROTO to TypeAttr. Graphs become
 * regions (see NodeImporter); lists of graphs are not supported yet.
 */
final class AttributeConverter {
    private final String file;
    private final TensorProtoConverter tensors;
    private final TypeConverter types;

    AttributeConverter(String file, TensorProtoConverter tensors, TypeConverter types) {
        this.file = file;
        this.tensors = tensors;
        this.types = types;
    }

    /** Converts attribute {@code a} of the node that {@code node} names (e.g. {@code node 'conv1' (Conv)}). */
    Attribute convert(AttributeProto a, String node) {
        String what = node + " attribute '" + a.getName() + "'";
        if (a.hasRefAttrName()) {
            throw error(what + " refers to function attribute '" + a.getRefAttrName() + "', which is only allowed inside functions");
        }
        switch (kind(a)) {
            case INT: return new Attribute.IntAttr(a.getI());
            case FLOAT: return new Attribute.FloatAttr(a.getF());
            case STRING: return new Attribute.StringAttr(TensorProtoConverter.utf8(a.getS()));
            case TENSOR: return dense(a.getT(), what);
            case TYPE_PROTO: return typeAttr(a.getTp(), what);
            case INTS: return new Attribute.ArrayAttr(a.getIntsList().stream().map(v -> (Attribute) new Attribute.IntAttr(v)).toList());
            case FLOATS: return new Attribute.ArrayAttr(a.getFloatsList().stream().map(v -> (Attribute) new Attribute.FloatAttr(v)).toList());
            case STRINGS: return new Attribute.ArrayAttr(a.getStringsList().stream()
                    .map(v -> (Attribute) new Attribute.StringAttr(TensorProtoConverter.utf8(v))).toList());
            case TENSORS: return new Attribute.ArrayAttr(a.getTensorsList().stream().map(t -> dense(t, what)).toList());
            case TYPE_PROTOS: return new Attribute.ArrayAttr(a.getTypeProtosList().stream().map(t -> typeAttr(t, what)).toList());
            case GRAPH:
                throw error(what + " is a subgraph, which this op cannot take");
            case GRAPHS:
                throw error(what + " is a list of subgraphs, which nnc does not support yet");
            case SPARSE_TENSOR:
                return new Attribute.DenseAttr(SparseTensors.toDense(a.getSparseTensor(), tensors, what, file));
            case SPARSE_TENSORS:
                return new Attribute.ArrayAttr(a.getSparseTensorsList().stream()
                        .map(t -> (Attribute) new Attribute.DenseAttr(SparseTensors.toDense(t, tensors, what, file))).toList());
            default:
                throw error(what + " has no value");
        }
    }

    /** The declared kind; files older than IR version 2 leave it out, so infer it from the field set. */
    static AttributeType kind(AttributeProto a) {
        if (a.hasType() && a.getType() != AttributeType.UNDEFINED) {
            return a.getType();
        }
        List<Boolean> set = List.of(a.hasF(), a.hasI(), a.hasS(), a.hasT(), a.hasG(), a.hasSparseTensor(), a.hasTp(),
                a.getFloatsCount() > 0, a.getIntsCount() > 0, a.getStringsCount() > 0, a.getTensorsCount() > 0,
                a.getGraphsCount() > 0, a.getSparseTensorsCount() > 0, a.getTypeProtosCount() > 0);
        AttributeType[] kinds = {AttributeType.FLOAT, AttributeType.INT, AttributeType.STRING, AttributeType.TENSOR,
            AttributeType.GRAPH, AttributeType.SPARSE_TENSOR, AttributeType.TYPE_PROTO, AttributeType.FLOATS,
            AttributeType.INTS, AttributeType.STRINGS, AttributeType.TENSORS, AttributeType.GRAPHS,
            AttributeType.SPARSE_TENSORS, AttributeType.TYPE_PROTOS};
        int i = set.indexOf(true);
        return i < 0 ? AttributeType.UNDEFINED : kinds[i];
    }

    private Attribute dense(TensorProto t, String what) {
        String name = t.getName().isEmpty() ? null : t.getName();
        return new Attribute.DenseAttr(tensors.convert(t, what), name);
    }

    private Attribute typeAttr(dev.nnc.frontend.proto.Onnx.TypeProto tp, String what) {
        var type = types.convert(tp, what);
        if (type == null) {
            throw error(what + " is a type with no element type");
        }
        return new Attribute.TypeAttr(type);
    }

    private NncException error(String message) {
        return new NncException(file + ": " + message);
    }
}
