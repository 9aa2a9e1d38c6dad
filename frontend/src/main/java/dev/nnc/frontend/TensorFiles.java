package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.OptionalProto;
import dev.nnc.frontend.proto.Onnx.SequenceProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.nio.file.Path;

/**
 * Reads and writes tensors as serialized ONNX {@code TensorProto} files (the ONNX test data layout);
 * also reads sequence and optional values ({@code SequenceProto}, {@code OptionalProto}).
 */
public final class TensorFiles {
    private TensorFiles() {
    }

    /** Reads {@code pb}; any problem is an {@link NncException} naming the file. */
    public static Tensor readTensorProto(Path pb) {
        return readTensorProto(pb, ImportOptions.DEFAULT_MAX_TENSOR_BYTES);
    }

    /** As {@link #readTensorProto(Path)}, refusing tensors that declare more than {@code maxBytes}. */
    public static Tensor readTensorProto(Path pb, long maxBytes) {
        String label = pb.toString();
        TensorProto t = OnnxLoader.readTensor(pb, label);
        Path folder = pb.toAbsolutePath().getParent();
        TensorProtoConverter conv = new TensorProtoConverter(label, new ExternalData(folder, label), maxBytes);
        String what = t.getName().isEmpty() ? "tensor" : "tensor '" + t.getName() + "'";
        try {
            return conv.convert(t, what);
        } catch (NncException e) {
            String kind = OnnxLoader.containerKind(pb);
            if (kind != null) {
                throw new NncException(label + ": holds a " + kind + ", not a TensorProto; nnc reads tensors only");
            }
            throw e;
        }
    }

    /**
     * Reads a value file: a TensorProto, SequenceProto or OptionalProto. The three share field
     * numbers (an OptionalProto holding a tensor is byte-identical to a one-tensor SequenceProto),
     * so the kind is guessed from the bytes: a file that is not a valid tensor but parses as a
     * container is read as a sequence. Pass the declared type to {@link #readValue(Path, Type)}
     * when it is known.
     */
    public static RuntimeValue readValue(Path pb) {
        String kind;
        try {
            return readTensorProto(pb);
        } catch (NncException e) {
            kind = OnnxLoader.containerKind(pb);
            if (kind == null) {
                throw e;
            }
        }
        return readValue(pb, new SequenceType(TensorType.unranked(FloatType.F32)));
    }

    /**
     * Reads a value file as the kind {@code expected} names (e.g. the graph input's declared
     * type): a {@link SequenceType} reads a SequenceProto, an {@link OptionalType} an
     * OptionalProto, anything else (or null) a TensorProto. The declared type also gives an empty
     * sequence or optional its element type.
     */
    public static RuntimeValue readValue(Path pb, Type expected) {
        if (!(expected instanceof SequenceType) && !(expected instanceof OptionalType)) {
            return readTensorProto(pb);
        }
        String label = pb.toString();
        Path folder = pb.toAbsolutePath().getParent();
        TensorProtoConverter conv = new TensorProtoConverter(label, new ExternalData(folder, label),
                ImportOptions.DEFAULT_MAX_TENSOR_BYTES);
        ValueProtoReader reader = new ValueProtoReader(label, conv);
        if (expected instanceof SequenceType) {
            SequenceProto s = OnnxLoader.readMessage(pb, label, SequenceProto.parser(), "SequenceProto");
            return reader.sequence(s, expected, s.getName().isEmpty() ? "sequence" : "sequence '" + s.getName() + "'");
        }
        OptionalProto o = OnnxLoader.readMessage(pb, label, OptionalProto.parser(), "OptionalProto");
        return reader.optional(o, expected, o.getName().isEmpty() ? "optional" : "optional '" + o.getName() + "'");
    }

    /** Writes {@code t} as a serialized TensorProto named {@code name} (may be null); errors name the file. */
    public static void writeTensorProto(Path pb, Tensor t, String name) {
        byte[] bytes;
        try {
            bytes = TensorProtoWriter.toProto(t, name).toByteArray();
        } catch (NncException e) {
            throw new NncException(pb + ": " + e.getMessage());
        }
        dev.nnc.ir.io.FileAccess.writeAtomically(pb, bytes);
    }

    /** The {@code name} field of a TensorProto file (empty when unset), e.g. to match graph inputs. */
    public static String tensorName(Path pb) {
        return OnnxLoader.readTensor(pb, pb.toString()).getName();
    }
}
