package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import java.nio.file.Path;

/** Reads and writes tensors as serialized ONNX {@code TensorProto} files (the ONNX test data layout). */
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
