package dev.nnc.tests.cosim;

import dev.nnc.hls.prim.PrimitiveInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The files of a co-simulation: folders, the primitive's RTL sources, its memory files, text. */
final class CosimFiles {
    private CosimFiles() {
    }

    static Path prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> copySources(PrimitiveInstance inst, Path dir) {
        List<Path> out = new ArrayList<>();
        for (String name : inst.sources()) {
            String res = "/dev/nnc/hls/rtl/" + name;
            try (InputStream in = PrimitiveInstance.class.getResourceAsStream(res)) {
                if (in == null) {
                    throw new IllegalStateException("RTL source " + res + " not on the class path");
                }
                Path p = dir.resolve(name);
                Files.write(p, in.readAllBytes());
                out.add(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static void writeMemories(PrimitiveInstance inst, String instanceName, Path dir) {
        for (Map.Entry<String, List<String>> f : inst.memoryFiles().entrySet()) {
            write(dir.resolve(PrimitiveInstance.fileName(instanceName, f.getKey())), String.join("\n", f.getValue()) + "\n");
        }
    }

    static void write(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
