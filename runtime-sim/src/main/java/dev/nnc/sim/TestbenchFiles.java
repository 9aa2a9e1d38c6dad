package dev.nnc.sim;

import dev.nnc.ir.diag.NncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the emitted testbench of a build folder (docs/hardware.md §6) reads and writes: its top
 * module {@code tb_<top>} from {@code tb/tb_<top>.sv}, and the {@code input_<name>.hex} /
 * {@code output_<name>.txt} files it opens, in the order it declares them (the design's order of
 * sources and sinks).
 */
public record TestbenchFiles(Path rtlDir, Path tbDir, String tbTop, List<Path> sources, List<String> inputFiles,
                             List<String> outputFiles) {
    private static final Pattern INPUT = Pattern.compile("\"/(input_[A-Za-z0-9_$]+\\.hex)\"");
    private static final Pattern OUTPUT = Pattern.compile("\"/(output_[A-Za-z0-9_$]+\\.txt)\"");

    /** Reads the testbench of {@code build}. */
    public static TestbenchFiles of(Path build) {
        Path rtl = build.resolve("rtl");
        Path tb = build.resolve("tb");
        List<Path> benches = list(tb, "tb_", ".sv");
        if (benches.size() != 1) {
            throw new NncException(tb + ": expected one testbench tb_<top>.sv, found " + benches.size()
                    + " (compile the model with `nnc compile --target fpga -o " + build + "`)");
        }
        Path bench = benches.get(0);
        String name = bench.getFileName().toString();
        String text;
        try {
            text = Files.readString(bench);
        } catch (IOException e) {
            throw new NncException(bench + ": cannot read: " + e.getMessage());
        }
        List<Path> sources = new ArrayList<>(list(rtl, "", ".sv"));
        if (sources.isEmpty()) {
            throw new NncException(rtl + ": no .sv files");
        }
        sources.add(bench);
        return new TestbenchFiles(rtl, tb, name.substring(0, name.length() - 3), sources, files(INPUT, text),
                files(OUTPUT, text));
    }

    private static List<String> files(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static List<Path> list(Path dir, String prefix, String suffix) {
        if (!Files.isDirectory(dir)) {
            throw new NncException(dir + ": no such folder (compile the model with `nnc compile --target fpga`)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(suffix);
            }).sorted().toList();
        } catch (IOException e) {
            throw new NncException(dir + ": cannot list: " + e.getMessage());
        }
    }
}
