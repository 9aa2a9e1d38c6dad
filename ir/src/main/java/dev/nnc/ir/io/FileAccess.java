package dev.nnc.ir.io;

import dev.nnc.ir.diag.NncException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Reading and writing whole files with one-line user errors, for every module that writes files. Writes go to a temporary file
 * beside the target that is then moved over it, so a failed command never leaves a half-written
 * output behind.
 */
public final class FileAccess {
    private FileAccess() {
    }

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** All bytes of {@code file}, or an {@link NncException} naming it. */
    public static byte[] readAll(Path file) {
        if (Files.isDirectory(file)) {
            throw new NncException(file + ": is a directory, not a file");
        }
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 16) {
                throw new NncException(file + ": too large to read (" + size + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NncException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new NncException(file + ": permission denied");
        } catch (IOException e) {
            throw new NncException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Writes {@code bytes} to {@code file} atomically. */
    public static void writeAtomically(Path file, byte[] bytes) {
        writeAtomically(file, out -> out.write(bytes));
    }

    /** Writes UTF-8 {@code text} to {@code file} atomically. */
    public static void writeAtomically(Path file, String text) {
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Checks that {@code file} could be created (its folder exists); returns its absolute path. */
    public static Path requireWritableFolder(Path file) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NncException(file + ": cannot write: folder " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new NncException(file + ": cannot write: it is a directory");
        }
        return target;
    }

    /** Writes {@code content} to a temporary file beside {@code file}, then moves it into place. */
    public static void writeAtomically(Path file, Content content) {
        Path target = requireWritableFolder(file);
        Path dir = target.getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (AccessDeniedException e) {
            throw new NncException(file + ": cannot write: permission denied");
        } catch (IOException e) {
            throw new NncException(file + ": cannot write: " + e.getMessage());
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary name starts with '.' and ends in .tmp
                }
            }
        }
    }

    /** The same error with the file name in front, unless its message already names the file. */
    public static NncException naming(Path file, NncException e) {
        String line = e.oneLine();
        if (line.contains(file.toString()) || line.contains(file.getFileName().toString())) {
            return e;
        }
        return new NncException(null, file + ": " + line, e);
    }
}
