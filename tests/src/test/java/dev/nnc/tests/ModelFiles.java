package dev.nnc.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/** Walks folders in the ONNX test layout: {@code model.onnx}, {@code test_data_set_N/input_K.pb}. */
public final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * The shared-data folder {@code relative}, or null after adding to {@code nodes} one test that
     * reports itself skipped with the reason (an aborted factory would show as no test at all).
     */
    static Path sharedOrSkip(String relative, List<DynamicNode> nodes) {
        Path root = TestData.root();
        if (root != null && Files.isDirectory(root.resolve(relative))) {
            return root.resolve(relative);
        }
        nodes.add(DynamicTest.dynamicTest(relative + " (shared test data)", () -> TestData.require(relative)));
        return null;
    }

    /** Sub-folders, sorted by name. */
    public static List<Path> subfolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** The {@code test_data_set_N} folders in numeric order. */
    public static List<Path> dataSets(Path modelDir) throws IOException {
        try (Stream<Path> s = Files.list(modelDir)) {
            return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("test_data_set_"))
                    .sorted(Comparator.comparingInt(p -> number(p, "test_data_set_"))).toList();
        }
    }

    /** The files {@code PREFIX<K>.pb} of a data set, in order of K. */
    public static List<Path> numbered(Path set, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(set)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".pb"))
                    .sorted(Comparator.comparingInt(p -> number(p, prefix))).toList();
        }
    }

    private static int number(Path p, String prefix) {
        String n = p.getFileName().toString().substring(prefix.length()).replace(".pb", "");
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
