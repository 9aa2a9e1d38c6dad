package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.TensorShapeProto;
import dev.nnc.frontend.proto.Onnx.TypeProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;

/** IR tensor, sequence and optional types as ONNX {@code TypeProto}s: the inverse of {@link TypeConverter}. */
final class ProtoTypes {
    private ProtoTypes() {
    }

    /** The proto for {@code t}; {@code what} names the value in the error for a type ONNX cannot hold. */
    static TypeProto of(Type t, String what) {
        if (t instanceof SequenceType st) {
            return TypeProto.newBuilder().setSequenceType(TypeProto.Sequence.newBuilder().setElemType(of(st.element(), what))).build();
        }
        if (t instanceof OptionalType ot) {
            return TypeProto.newBuilder().setOptionalType(TypeProto.Optional.newBuilder().setElemType(of(ot.element(), what))).build();
        }
        if (!(t instanceof TensorType tt)) {
            throw new NncException(what + " has type " + t + ", which ONNX cannot express");
        }
        int code = OnnxDataType.code(tt.elementType());
        if (code < 0) {
            throw new NncException(what + " has element type " + tt.elementType().spelling() + ", which ONNX cannot express");
        }
        TypeProto.Tensor.Builder b = TypeProto.Tensor.newBuilder().setElemType(code);
        if (tt.hasRank()) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (Dim d : tt.dims()) {
                TensorShapeProto.Dimension.Builder db = shape.addDimBuilder();
                if (d instanceof Dim.Known k) {
                    db.setDimValue(k.size());
                } else if (!((Dim.Symbolic) d).name().isEmpty()) {
                    db.setDimParam(((Dim.Symbolic) d).name());
                }
            }
            b.setShape(shape);
        }
        return TypeProto.newBuilder().setTensorType(b).build();
    }
}
