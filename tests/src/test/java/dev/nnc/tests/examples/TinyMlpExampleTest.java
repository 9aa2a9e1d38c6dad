package dev.nnc.tests.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.Main;
import dev.nnc.cli.io.Npy;
import dev.nnc.cli.io.Npz;
import dev.nnc.ir.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/tiny-mlp} is generated, not hand-made: the committed files must be exactly what
 * {@link TinyMlp} produces (run {@code examples/tiny-mlp/make_model.sh}, i.e. this test with
 * {@code -Dnnc.regenerate=true}, to rewrite them), and {@code nnc run} on them must agree with
 * a forward pass written out here in plain Java.
 */
class TinyMlpExampleTest {
    @TempDir
    Path tmp;

    static Path exampleDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/tiny-mlp"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("examples/tiny-mlp not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("examples/tiny-mlp");
    }

    @Test
    void committedFilesAreWhatTheGeneratorMakes() throws IOException {
        byte[] model = TinyMlp.model().toByteArray();
        byte[] input = Npy.write(TinyMlp.input());
        Path dir = exampleDir();
        if (Boolean.getBoolean("nnc.regenerate")) {
            Files.write(dir.resolve("model.onnx"), model);
            Files.write(dir.resolve("input.npy"), input);
        }
        assertArrayEquals(model, Files.readAllBytes(dir.resolve("model.onnx")), "model.onnx is stale: run make_model.sh");
        assertArrayEquals(input, Files.readAllBytes(dir.resolve("input.npy")), "input.npy is stale: run make_model.sh");
    }

    @Test
    void nncRunAgreesWithAHandWrittenForwardPass() {
        Path dir = exampleDir();
        Path out = tmp.resolve("out.npz");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run",
                dir.resolve("model.onnx").toString(), "--input", dir.resolve("input.npy").toString(), "-o", out.toString());
        assertEquals(0, code, err.toString());
        Tensor probs = Npz.read(out).get("probabilities");
        assertArrayEquals(new int[] {1, TinyMlp.OUT}, probs.shape());
        double[] expected = forward(TinyMlp.input().doubles());
        double sum = 0;
        for (int i = 0; i < TinyMlp.OUT; i++) {
            assertEquals(expected[i], probs.doubles()[i], 1e-6 + 1e-5 * expected[i], "probability " + i);
            sum += probs.doubles()[i];
        }
        assertEquals(1.0, sum, 1e-6);
    }

    /** softmax(relu(x W1 + b1) W2 + b2), in doubles. */
    static double[] forward(double[] x) {
        float[][] w = TinyMlp.weights();
        double[] h = new double[TinyMlp.HIDDEN];
        for (int j = 0; j < TinyMlp.HIDDEN; j++) {
            double s = w[1][j];
            for (int i = 0; i < TinyMlp.IN; i++) {
                s += x[i] * w[0][i * TinyMlp.HIDDEN + j];
            }
            h[j] = Math.max(0, s);
        }
        double[] logits = new double[TinyMlp.OUT];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < TinyMlp.OUT; k++) {
            double s = w[3][k];
            for (int j = 0; j < TinyMlp.HIDDEN; j++) {
                s += h[j] * w[2][j * TinyMlp.OUT + k];
            }
            logits[k] = s;
            max = Math.max(max, s);
        }
        double total = 0;
        for (int k = 0; k < TinyMlp.OUT; k++) {
            logits[k] = Math.exp(logits[k] - max);
            total += logits[k];
        }
        for (int k = 0; k < TinyMlp.OUT; k++) {
            logits[k] /= total;
        }
        assertTrue(total > 0);
        return logits;
    }
}
