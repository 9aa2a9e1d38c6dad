package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.io.Npy;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.tests.OnnxBuilder;
import dev.nnc.tests.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc compile --target fpga} on models the hardware flow cannot take: one error line that
 * lists every offending op with its node (not just the first), exit code 2, and no build folder
 * (nor a temporary one) left behind.
 */
class UnloweredModelTest {
    @TempDir
    Path dir;

    /** x[1,4] → the given unary or binary (x, x) ops in a chain → y. */
    private Path chain(String name, String... opsAndNodes) throws IOException {
        GraphProto.Builder g = GraphProto.newBuilder().setName(name)
                .addInput(OnnxBuilder.tensor("x", OnnxBuilder.FLOAT, 1, 4))
                .addOutput(OnnxBuilder.tensor("y", OnnxBuilder.FLOAT, 1, 4));
        String prev = "x";
        for (int i = 0; i < opsAndNodes.length; i += 2) {
            String op = opsAndNodes[i];
            String out = i + 2 == opsAndNodes.length ? "y" : "v" + i;
            List<String> ins = op.equals("Mul") || op.equals("Sub") ? List.of(prev, "x") : List.of(prev);
            g.addNode(OnnxBuilder.node(op, opsAndNodes[i + 1], ins, List.of(out)));
            prev = out;
        }
        Path model = Files.createDirectories(dir.resolve("models")).resolve(name + ".onnx");
        Files.write(model, OnnxBuilder.model(g.build()).toByteArray());
        return model;
    }

    /** A calibration folder of one input of shape [1,4]. */
    private Path calib() {
        Path c = CosimFiles.prepare(dir.resolve("calib"));
        Npy.write(c.resolve("x.npy"), Tensor.ofDoubles(FloatType.F32, new int[] {1, 4}, new double[] {-1.5, -0.25, 0.5, 2}));
        return c;
    }

    private void assertRejected(Path model, Path calib, List<String> mustContain) throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path out = work.resolve("build");
        ModelCosimTest.Run r = ModelCosimTest.nnc(List.of("compile", model.toString(), "--target", "fpga", "--bits", "8",
                "--calib", calib.toString(), "-o", out.toString()));
        List<String> lines = r.err().lines().toList();
        assertAll(
                () -> assertEquals(2, r.code(), "exit code; stderr: " + r.err()),
                () -> assertEquals(1, lines.size(), "stderr must be one line: " + r.err()),
                () -> assertTrue(r.err().startsWith("nnc: error: "), r.err()),
                () -> assertFalse(r.err().contains("Exception") || r.err().contains("at dev.nnc"), r.err()),
                () -> mustContain.forEach(s -> assertTrue(r.err().contains(s), "'" + s + "' missing from: " + r.err())));
        try (Stream<Path> s = Files.list(work)) {
            assertEquals(List.of(), s.toList(), "nothing written beside -o (no build folder, no temporary folder)");
        }
    }

    @Test
    void opsQuantizeTakesButLowerKernelDoesNotAreListedTogether() throws IOException {
        Path model = chain("mul_sub", "Mul", "square", "Relu", "relu", "Sub", "minus");
        assertRejected(model, calib(), List.of("cannot lower to hardware: onnx.Mul (node 'square'), onnx.Sub (node 'minus')"));
    }

    @Test
    void opsWithoutAFixedPointFormAreListedTogether() throws IOException {
        Path model = chain("sigmoid_tanh", "Sigmoid", "s", "Relu", "r", "Tanh", "t");
        assertRejected(model, calib(), List.of("node 's'", "onnx.Sigmoid: quantize does not support this op",
                "onnx.Tanh (node 't')"));
    }

    @Test
    void ultrafaceSlimIsOneLineNamingEveryConcat() throws IOException {
        Path folder = TestData.require("models/ultraface_slim");
        assertRejected(folder.resolve("model.onnx"), folder.resolve("test_data_set_0"),
                List.of("onnx.Concat", "Concat_92", "Concat_93"));
    }
}
