package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.StringStringEntryProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.diag.NncException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads tensor data stored beside the model ({@code data_location = EXTERNAL}). The location is
 * confined to the model's folder: absolute paths, {@code ..} escapes and symbolic links that lead
 * outside are refused, so a downloaded model cannot make nnc read arbitrary files.
 */
final class ExternalData {
    private final Path folder;
    private final String file;

    /**
     * @param folder the folder of the model (or tensor) file; locations resolve against it
     * @param file the model file as the user named it, for error messages
     */
    ExternalData(Path folder, String file) {
        this.folder = folder.toAbsolutePath().normalize();
        this.file = file;
    }

    /** The {@code bytes} bytes of the tensor's data, little endian. */
    ByteBuffer read(TensorProto t, String what, long bytes) {
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            switch (e.getKey()) {
                case "location": location = e.getValue(); break;
                case "offset": offset = parseLong(what, "offset", e.getValue()); break;
                case "length": length = parseLong(what, "length", e.getValue()); break;
                default: break;
            }
        }
        if (location == null || location.isEmpty()) {
            throw error(what + " has external data without a location");
        }
        Path path = resolve(what, location);
        if (length >= 0 && length != bytes) {
            throw error(what + " external data '" + location + "' has length " + length + " but its dims need " + bytes + " bytes");
        }
        return readBytes(what, location, path, offset, bytes);
    }

    private Path resolve(String what, String location) {
        Path rel;
        try {
            rel = Path.of(location);
        } catch (InvalidPathException e) {
            throw error(what + " external data location '" + location + "' is not a valid path");
        }
        if (rel.isAbsolute() || location.startsWith("/") || location.startsWith("\\")) {
            throw error(what + " external data location '" + location + "' is absolute; it must be relative to the model's folder");
        }
        Path p = folder.resolve(rel).normalize();
        if (!p.startsWith(folder)) {
            throw error(what + " external data location '" + location + "' escapes the model's folder");
        }
        if (!Files.exists(p)) {
            throw error(what + " external data file '" + location + "' not found");
        }
        try {
            if (!p.toRealPath().startsWith(folder.toRealPath())) {
                throw error(what + " external data location '" + location + "' links outside the model's folder");
            }
        } catch (IOException e) {
            throw error(what + " external data file '" + location + "' cannot be read: " + e.getMessage());
        }
        if (!Files.isRegularFile(p)) {
            throw error(what + " external data location '" + location + "' is not a regular file");
        }
        return p;
    }

    private ByteBuffer readBytes(String what, String location, Path path, long offset, long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw error(what + " external data of " + bytes + " bytes is too large to load");
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (offset < 0 || offset > size || size - offset < bytes) {
                throw error(what + " external data file '" + location + "' is too short: needs " + bytes
                        + " bytes at offset " + offset + ", file has " + size);
            }
            ByteBuffer buf = ByteBuffer.allocate((int) bytes);
            long pos = offset;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw error(what + " external data file '" + location + "' ended early at byte " + pos);
                }
                pos += n;
            }
            return buf.flip().order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw error(what + " external data file '" + location + "' cannot be read: " + e.getMessage());
        }
    }

    private long parseLong(String what, String key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw error(what + " external data " + key + " '" + value + "' is not a number");
        }
    }

    private NncException error(String message) {
        return new NncException(file + ": " + message);
    }
}
