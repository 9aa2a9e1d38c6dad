package dev.nnc.tests.lit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnc.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-based IR tests: every {@code .nir} file under {@code src/test/resources/ir} is a
 * container, and each of its cases (split by {@code // -----}) a test named {@code file.nir:line},
 * run in-process by {@link IrTestRunner}. See tests/README.md for how to write one.
 */
class IrFileTests {
    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicNode> irFiles() throws IOException {
        // the files run 'nnc opt'; on a branch without it they are skipped (and say why), not passed
        assumeTrue(Main.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()))
                .getSubcommands().containsKey("opt"), "the 'nnc opt' command is not available");
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> nir = files.filter(p -> p.toString().endsWith(".nir")).sorted(Comparator.comparing(Path::toString)).toList();
            if (nir.isEmpty()) {
                throw new AssertionError("no .nir test files under " + root);
            }
            return nir.stream().map(p -> container(root, p));
        }
    }

    private DynamicNode container(Path root, Path file) {
        String name = root.relativize(file).toString().replace('\\', '/');
        IrTestFile test = IrTestFile.read(file, name);
        IrTestRunner runner = new IrTestRunner();
        return DynamicContainer.dynamicContainer(name, file.toUri(), test.cases().stream().map(c ->
                DynamicTest.dynamicTest(c.displayName(), file.toUri(), () -> runner.run(test, c, caseDir(c)))));
    }

    private Path caseDir(IrTestCase c) {
        try {
            return Files.createDirectories(scratch.resolve(c.fileName().replace('/', '_') + "_" + c.firstLine()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        URL url = IrFileTests.class.getResource("/ir");
        if (url == null) {
            throw new AssertionError("test resource folder 'ir' not found on the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
