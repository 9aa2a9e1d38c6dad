package dev.nnc.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognizes files people mistake for ONNX models by their first bytes, so the error can say
 * what the file is instead of only that protobuf could not parse it.
 */
final class FileKinds {
    private FileKinds() {
    }

    /** A short description such as {@code a zip archive (a PyTorch checkpoint?)}, or null when unknown. */
    static String describe(Path file) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return null;
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        if (text.startsWith("PK\u0003\u0004")) {
            return "a zip archive (a PyTorch checkpoint or .npz?)";
        }
        if (text.startsWith("\u0089HDF")) {
            return "an HDF5 file (a Keras .h5 model?)";
        }
        if (text.startsWith("\u0093NUMPY")) {
            return "a NumPy .npy array";
        }
        if (text.startsWith("ir_version") || text.startsWith("<")) {
            return "text (ONNX text format or markup?), not binary protobuf";
        }
        return null;
    }
}
