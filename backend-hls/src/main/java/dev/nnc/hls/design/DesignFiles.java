package dev.nnc.hls.design;

import dev.nnc.hls.BuildFiles;
import dev.nnc.hls.emit.Templates;
import dev.nnc.hls.model.Design;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The files of a {@link Design} in the build folder layout of docs/hardware.md §6:
 * {@code rtl/<top>.sv}, the primitives' sources, the memory files, and {@code tb/tb_<top>.sv}.
 */
public final class DesignFiles {
    /** Where the hand-written primitives live on the classpath. */
    public static final String RTL_RESOURCES = "/dev/nnc/hls/rtl/";

    private DesignFiles() {
    }

    /** Adds the design's RTL and testbench to {@code out}. */
    public static void add(Design d, BuildFiles out) {
        out.put(rtlPath(d.top().name() + ".sv"), Templates.render(Templates.TOP, d.top()));
        for (String src : d.sources()) {
            out.put(rtlPath(src), resource(src));
        }
        for (Map.Entry<String, List<String>> m : d.memoryFiles().entrySet()) {
            out.put(rtlPath(m.getKey()), memoryText(m.getValue()));
        }
        out.put(tbPath(d.testbench().name() + ".sv"), Templates.render(Templates.TESTBENCH, d.testbench()));
    }

    public static String rtlPath(String file) {
        return "rtl/" + file;
    }

    public static String tbPath(String file) {
        return "tb/" + file;
    }

    /** One hex word per line, word 0 first, as {@code $readmemh} reads it. */
    static String memoryText(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(w).append('\n');
        }
        return sb.toString();
    }

    private static byte[] resource(String name) {
        try (InputStream in = DesignFiles.class.getResourceAsStream(RTL_RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing RTL primitive source " + RTL_RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
