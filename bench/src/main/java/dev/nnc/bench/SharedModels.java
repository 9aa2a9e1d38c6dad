package dev.nnc.bench;

import dev.nnc.frontend.TensorFiles;
import dev.nnc.ir.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the real models of the shared test data ({@code $NNC_TEST_DATA/models}, else
 * {@code shared/models} beside the repository root), the same rule the test suites use, so the
 * benchmarks and the oracle test read exactly the files the reference tests read.
 */
public final class SharedModels {
    private SharedModels() {
    }

    /** The {@code models} folder, or null when the shared data cannot be found. */
    public static Path root() {
        String env = System.getenv("NNC_TEST_DATA");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env, "models");
            return Files.isDirectory(p) ? p : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                Path models = dir.resolveSibling("shared").resolve("models");
                return Files.isDirectory(models) ? models : null;
            }
        }
        return null;
    }

    /** The folder of model {@code name}; fails with a clear message when the data is absent. */
    public static Path model(String name) {
        Path root = root();
        if (root == null || !Files.exists(root.resolve(name).resolve("model.onnx"))) {
            throw new IllegalStateException("model '" + name + "' not found: set NNC_TEST_DATA to the shared data folder"
                    + " (the one holding models/) or put 'shared' beside the repository");
        }
        return root.resolve(name);
    }

    /** Every model folder (holding a {@code model.onnx}) under the root, sorted by name. */
    public static List<Path> all(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(d -> Files.exists(d.resolve("model.onnx"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code prefix}K.pb tensors of a data set (e.g. {@code input_}), in order of K. */
    public static List<Tensor> tensors(Path dataSet, String prefix) {
        try (Stream<Path> s = Files.list(dataSet)) {
            List<Path> files = s.filter(f -> f.getFileName().toString().matches(prefix + "\\d+\\.pb"))
                    .sorted(Comparator.comparingInt(f -> number(f, prefix))).toList();
            List<Tensor> out = new ArrayList<>();
            for (Path f : files) {
                out.add(TensorFiles.readTensorProto(f));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int number(Path f, String prefix) {
        String n = f.getFileName().toString();
        return Integer.parseInt(n.substring(prefix.length(), n.length() - ".pb".length()));
    }
}
