package dev.nnc.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared test data: {@code $NNC_TEST_DATA}, else {@code ../shared} beside the repository
 * root. Suites call {@link #require} so that a machine without the data reports them skipped, with
 * the reason, never passed.
 */
public final class TestData {
    private TestData() {
    }

    /** The shared data folder, or null when it cannot be found. */
    public static Path root() {
        String env = System.getenv("NNC_TEST_DATA");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isDirectory(p) ? p : null;
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve(".git")) || Files.exists(dir.resolve(".ci"))) {
                Path shared = dir.resolveSibling("shared");
                return Files.isDirectory(shared) ? shared : null;
            }
            dir = dir.getParent();
        }
        return null;
    }

    /** A sub-folder of the shared data; aborts the calling test (skipped, with reason) when absent. */
    public static Path require(String relative) {
        Path root = root();
        assumeTrue(root != null, "shared test data not found: set NNC_TEST_DATA or put 'shared' beside the repository");
        Path p = root.resolve(relative);
        assumeTrue(Files.exists(p), "shared test data lacks " + relative + " (looked in " + root + ")");
        return p;
    }
}
