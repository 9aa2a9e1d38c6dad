package dev.nnc.hls;

import dev.nnc.ir.diag.NncException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a build folder all at once: the files go to a temporary folder beside the target, which
 * then replaces it, so a failed compile never leaves a half-written build behind. An existing
 * folder is replaced only if it is empty or an earlier build (it has {@link #MARKER}); anything
 * else is refused, so {@code -o .} can never wipe a user's folder.
 */
public final class BuildWriter {
    /** The file whose presence says a folder is an nnc build folder. */
    public static final String MARKER = "design.nir";

    private BuildWriter() {
    }

    /** Writes {@code files} as the whole content of folder {@code dir}. */
    public static void write(Path dir, BuildFiles files) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new NncException(dir + ": cannot write: folder " + parent + " does not exist");
        }
        checkReplaceable(dir, target);
        String stem = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime();
        Path tmp = parent.resolve(stem + ".tmp");
        Path old = parent.resolve(stem + ".old");
        try {
            try {
                Files.createDirectory(tmp);
                for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
                    Path p = tmp.resolve(f.getKey());
                    Files.createDirectories(p.getParent());
                    Files.write(p, f.getValue());
                }
                if (Files.exists(target)) {
                    move(target, old);
                }
                move(tmp, target);
            } finally {
                deleteTree(tmp);
                deleteTree(old);
            }
        } catch (AccessDeniedException e) {
            throw new NncException(dir + ": cannot write: permission denied (" + e.getFile() + ")");
        } catch (IOException | UncheckedIOException e) {
            throw new NncException(dir + ": cannot write: " + e.getMessage());
        }
    }

    private static void checkReplaceable(Path dir, Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new NncException(dir + ": cannot write the build folder: it is a file");
        }
        if (Files.exists(target.resolve(MARKER))) {
            return;
        }
        try (Stream<Path> s = Files.list(target)) {
            if (s.findAny().isPresent()) {
                throw new NncException(dir + ": exists and is not an nnc build folder (no " + MARKER
                        + "); give a new or empty folder");
            }
        } catch (IOException e) {
            throw new NncException(dir + ": cannot read: " + e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
