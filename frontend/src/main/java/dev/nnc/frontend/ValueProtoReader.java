package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.OptionalProto;
import dev.nnc.frontend.proto.Onnx.SequenceProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.OptionalValue;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorSequence;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts ONNX {@code SequenceProto} and {@code OptionalProto} messages (the test-data form of
 * sequence and optional values) to runtime values. Only sequences of tensors and optionals of a
 * tensor or such a sequence exist in nnc; sparse tensors, maps and nested sequences are refused.
 * {@code expected} (the declared type, may be null) gives the element type of an empty sequence
 * or optional, which the message itself may not carry.
 */
final class ValueProtoReader {
    private static final int TENSOR = 1;
    private static final int SEQUENCE = 3;

    private final String file;
    private final TensorProtoConverter tensors;

    ValueProtoReader(String file, TensorProtoConverter tensors) {
        this.file = file;
        this.tensors = tensors;
    }

    TensorSequence sequence(SequenceProto s, Type expected, String what) {
        if (s.getSparseTensorValuesCount() > 0 || s.getMapValuesCount() > 0 || s.getOptionalValuesCount() > 0
                || s.getSequenceValuesCount() > 0) {
            throw error(what + " is a sequence of sparse tensors, maps, sequences or optionals; nnc supports sequences of tensors only");
        }
        if (s.getElemType() != TENSOR && s.getElemType() != 0) {
            throw error(what + " has sequence element kind " + s.getElemType() + "; nnc supports sequences of tensors only");
        }
        List<Tensor> items = new ArrayList<>();
        for (int i = 0; i < s.getTensorValuesCount(); i++) {
            items.add(tensors.convert(s.getTensorValues(i), "element " + i + " of " + what));
        }
        ElementType e = items.isEmpty() ? expectedElement(expected) : items.get(0).elementType();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).elementType().equals(e)) {
                throw error(what + " mixes element types " + e.spelling() + " and " + items.get(i).elementType().spelling());
            }
        }
        return new TensorSequence(e, items);
    }

    OptionalValue optional(OptionalProto o, Type expected, String what) {
        Type inner = expected instanceof OptionalType ot ? ot.element() : null;
        if (o.hasTensorValue()) {
            return OptionalValue.of(tensors.convert(o.getTensorValue(), "the value of " + what));
        }
        if (o.hasSequenceValue()) {
            return OptionalValue.of(sequence(o.getSequenceValue(), inner, "the value of " + what));
        }
        if (o.hasSparseTensorValue() || o.hasMapValue() || o.hasOptionalValue()) {
            throw error(what + " holds a sparse tensor, map or optional; nnc supports optional tensors and sequences only");
        }
        if (inner == null) {
            inner = o.getElemType() == SEQUENCE ? new SequenceType(TensorType.unranked(FloatType.F32))
                    : TensorType.unranked(FloatType.F32);
        }
        return OptionalValue.empty(inner);
    }

    /** The tensor element type an empty sequence of type {@code expected} holds (f32 when unknown). */
    private static ElementType expectedElement(Type expected) {
        if (expected instanceof SequenceType st && st.element() instanceof TensorType tt) {
            return tt.elementType();
        }
        return FloatType.F32;
    }

    private NncException error(String message) {
        return new NncException(file + ": " + message);
    }
}
