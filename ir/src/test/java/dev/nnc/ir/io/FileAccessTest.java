package dev.nnc.ir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.diag.NncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAccessTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old");
        FileAccess.writeAtomically(f, "new");
        assertEquals("new", Files.readString(f));
        assertEquals(List.of(f), list());
    }

    @Test
    void failureKeepsTheOldFileAndRemovesTheTemporary() throws IOException {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old");
        assertThrows(NncException.class, () -> FileAccess.writeAtomically(f, out -> {
            out.write("half".getBytes());
            throw new NncException("bad tensor");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of(f), list());
    }

    @Test
    void missingFolderIsOneLine() {
        Path f = dir.resolve("nope/out.txt");
        NncException e = assertThrows(NncException.class, () -> FileAccess.writeAtomically(f, "x"));
        assertEquals(f + ": cannot write: folder " + f.toAbsolutePath().getParent() + " does not exist", e.oneLine());
    }

    @Test
    void readingAFolderOrAMissingFileIsOneLine() {
        assertEquals(dir + ": is a directory, not a file",
                assertThrows(NncException.class, () -> FileAccess.readAll(dir)).oneLine());
        Path f = dir.resolve("x.bin");
        assertEquals(f + ": no such file", assertThrows(NncException.class, () -> FileAccess.readAll(f)).oneLine());
    }

    @Test
    void namingAddsTheFileOnce() {
        Path f = Path.of("m/model.onnx");
        NncException named = new NncException("m/model.onnx: bad");
        assertSame(named, FileAccess.naming(f, named));
        assertEquals("m/model.onnx: node 'a': boom",
                FileAccess.naming(f, new NncException(dev.nnc.ir.core.Location.named("a"), "boom")).oneLine());
    }

    private List<Path> list() throws IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }
}
