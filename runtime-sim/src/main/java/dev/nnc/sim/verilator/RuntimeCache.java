package dev.nnc.sim.verilator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Verilator's own runtime objects ({@code verilated*.o}) compiled once and reused by later builds.
 * They do not depend on the design, yet compiling them takes about 80% of a small design's build
 * (measured: 16 s of 19 s for a primitive testbench on a loaded 2-core machine), so test suites
 * that build many small testbenches pass a cache directory of their own (under {@code target/}).
 * Entries are keyed by the Verilator version and the make flags (not by the C++ compiler: a
 * cache folder lives under {@code target/} and goes with {@code mvn clean}); nothing is cached
 * unless a caller names a directory.
 */
final class RuntimeCache {
    private static final Object LOCK = new Object();

    private final Path dir;

    private RuntimeCache(Path dir) {
        this.dir = dir;
    }

    /** The cache entry under {@code root} for this Verilator and these flags. */
    static RuntimeCache in(Path root, String verilatorVersion, List<String> makeFlags) {
        String key = verilatorVersion.strip() + "\n" + String.join(" ", makeFlags);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new RuntimeCache(root.toAbsolutePath().resolve(HexFormat.of().formatHex(h, 0, 8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** The cached objects, or an empty list when the entry is not filled yet. */
    List<Path> objects() {
        synchronized (LOCK) {
            return Files.isDirectory(dir) ? list(dir) : List.of();
        }
    }

    /**
     * Copies the cached objects into a build's object directory, newer than their sources so
     * that make takes them as built.
     */
    void restore(Path objDir) throws IOException {
        long now = System.currentTimeMillis();
        for (Path o : objects()) {
            Path target = objDir.resolve(o.getFileName());
            Files.copy(o, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().setLastModified(now);
        }
    }

    /** Fills the entry from a finished build's object directory (atomically; first writer wins). */
    void store(Path objDir) throws IOException {
        List<Path> objs = list(objDir);
        if (objs.isEmpty()) {
            return;
        }
        synchronized (LOCK) {
            if (Files.isDirectory(dir)) {
                return;
            }
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "fill-");
            for (Path o : objs) {
                Files.copy(o, tmp.resolve(o.getFileName()));
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // another process filled it first: keep theirs
                for (Path o : list(tmp)) {
                    Files.deleteIfExists(o);
                }
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static List<Path> list(Path d) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d, "verilated*.o")) {
            s.forEach(out::add);
        } catch (IOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }
}
