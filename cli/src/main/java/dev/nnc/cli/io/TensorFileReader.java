package dev.nnc.cli.io;

import dev.nnc.frontend.TensorFiles;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Reads tensors from the file kinds nnc accepts, chosen by extension: .npy, .npz, .pb. */
public final class TensorFileReader {
    private TensorFileReader() {
    }

    /** The kinds of tensor file, by extension. */
    public enum Kind { NPY, NPZ, PB }

    /** The kind of {@code file}, or an error listing the accepted extensions. */
    public static Kind kind(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".npy")) {
            return Kind.NPY;
        }
        if (n.endsWith(".npz")) {
            return Kind.NPZ;
        }
        if (n.endsWith(".pb")) {
            return Kind.PB;
        }
        throw new NncException(file + ": unknown tensor file type (use .npy, .npz or ONNX TensorProto .pb)");
    }

    /** Reads a single-tensor file (.npy or .pb). */
    public static Tensor readOne(Path file) {
        switch (kind(file)) {
            case NPY:
                return Npy.read(file);
            case PB:
                if (!Files.isRegularFile(file)) {
                    FileAccess.readAll(file); // throws the right one-line error
                }
                try {
                    return TensorFiles.readTensorProto(file);
                } catch (NncException e) {
                    throw FileAccess.naming(file, e);
                }
            default:
                throw new NncException(file + ": an .npz holds several arrays; give it without a NAME= prefix");
        }
    }

    /** Reads every array of an .npz file by name. */
    public static Map<String, Tensor> readAll(Path file) {
        return Npz.read(file);
    }
}
