package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.TensorShapeProto;
import dev.nnc.frontend.proto.Onnx.TypeProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX {@code TypeProto} to IR {@link Type}: tensors, sequences and optionals (maps and sparse
 * tensors are refused). A {@code dim_param} becomes a
 * named symbolic dimension, a dimension with neither value nor name an anonymous one, and a
 * missing shape an unranked tensor.
 */
final class TypeConverter {
    private final String file;

    TypeConverter(String file) {
        this.file = file;
    }

    /** The tensor type, or null when the proto carries no type at all; {@code what} names the value. */
    Type convert(TypeProto tp, String what) {
        switch (tp.getValueCase()) {
            case TENSOR_TYPE:
                return tensor(tp.getTensorType(), what);
            case VALUE_NOT_SET:
                return null;
            case SEQUENCE_TYPE:
                return sequence(tp.getSequenceType(), what);
            case MAP_TYPE:
                throw unsupported(what, "a map type");
            case OPTIONAL_TYPE:
                return optional(tp.getOptionalType(), what);
            default:
                throw unsupported(what, "a sparse tensor type");
        }
    }

    /** A sequence of tensors (or of sequences, optionals); an untyped element makes an untyped sequence (null). */
    private Type sequence(TypeProto.Sequence s, String what) {
        Type e = s.hasElemType() ? convert(s.getElemType(), "an element of " + what) : null;
        return e == null ? null : new SequenceType(e);
    }

    private Type optional(TypeProto.Optional o, String what) {
        Type e = o.hasElemType() ? convert(o.getElemType(), "the element of " + what) : null;
        if (e instanceof OptionalType) {
            throw new NncException(file + ": " + what + " is an optional of an optional, which ONNX does not allow");
        }
        return e == null ? null : new OptionalType(e);
    }

    private Type tensor(TypeProto.Tensor t, String what) {
        if (t.getElemType() == 0) {
            return null;
        }
        ElementType e = OnnxDataType.toElementType(t.getElemType()).orElse(null);
        if (e == null) {
            throw new NncException(file + ": " + what + " has element type " + OnnxDataType.name(t.getElemType())
                    + ", which nnc does not support");
        }
        if (!t.hasShape()) {
            return TensorType.unranked(e);
        }
        List<Dim> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension d : t.getShape().getDimList()) {
            if (d.hasDimValue() && d.getDimValue() >= 0) {
                dims.add(Dim.of(d.getDimValue()));
            } else {
                dims.add(Dim.symbol(d.hasDimParam() ? d.getDimParam() : ""));
            }
        }
        return new TensorType(e, dims);
    }

    private NncException unsupported(String what, String kind) {
        return new NncException(file + ": " + what + " has " + kind + ", which nnc does not support (tensors, sequences and optionals only)");
    }
}
