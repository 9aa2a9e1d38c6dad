package dev.nnc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.diag.NncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real models with a few random bytes overwritten (seeded, so every run is the same): each either
 * imports or fails with one line naming the file. Any other exception is a defect.
 */
class CorruptedModelTest {
    private static final int VARIANTS = 60;

    @ParameterizedTest
    @ValueSource(strings = {"models/mnist8", "onnx-tests/node/test_if", "onnx-tests/node/test_loop11",
        "onnx-tests/node/test_cast_FLOAT_to_INT4", "onnx-tests/node/test_resize_upsample_scales_linear"})
    void corruptedCopiesImportOrFailInOneLine(String model, @TempDir Path dir) throws Exception {
        byte[] original = Files.readAllBytes(TestData.require(model + "/model.onnx"));
        Random random = new Random(model.hashCode());
        Path file = dir.resolve("corrupt.onnx");
        List<String> defects = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < VARIANTS; i++) {
            byte[] bytes = original.clone();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Files.write(file, bytes);
            try {
                OnnxImporter.importFile(file);
            } catch (NncException e) {
                rejected++;
                if (!e.oneLine().startsWith(file.toString()) || e.oneLine().contains("\n")) {
                    defects.add("variant " + i + ": " + e.oneLine());
                }
            } catch (RuntimeException | StackOverflowError e) {
                defects.add("variant " + i + ": " + e);
            }
        }
        assertEquals(List.of(), defects);
        assertTrue(rejected > 0, "some corruption must be detected");
    }
}
