package dev.nnc.tests;

import static dev.nnc.tests.BadInputCliTest.nnc;
import static dev.nnc.tests.OnnxBuilder.FLOAT;
import static dev.nnc.tests.OnnxBuilder.model;
import static dev.nnc.tests.OnnxBuilder.node;
import static dev.nnc.tests.OnnxBuilder.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.io.Npy;
import dev.nnc.cli.io.Npz;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnc run --backend cpu}, {@code --emit-java} and {@code nnc bench} through the real command. */
class CpuCliTest {
    @TempDir
    Path dir;

    private Path reluSoftmax() throws IOException {
        var g = dev.nnc.frontend.proto.Onnx.GraphProto.newBuilder().setName("small")
                .addInput(tensor("x", FLOAT, 2, 4)).addOutput(tensor("y", FLOAT, 2, 4))
                .addNode(node("Relu", "act", List.of("x"), List.of("h")))
                .addNode(node("Softmax", "prob", List.of("h"), List.of("y"))).build();
        return OnnxBuilder.write(dir, "small.onnx", model(g));
    }

    @Test
    void cpuBackendGivesTheInterpretersOutputsAndEmitsReadableSource() throws IOException {
        Path m = reluSoftmax();
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {2, 4}, new double[] {1, -2, 3, 0.5, -1, 0, 2, 4});
        Npy.write(dir.resolve("x.npy"), x);
        Path src = dir.resolve("src");
        BadInputCliTest.Run cpu = nnc("run", m.toString(), "-i", dir.resolve("x.npy").toString(), "--backend", "cpu",
                "--emit-java", src.toString(), "-o", dir.resolve("cpu.npz").toString());
        assertEquals(0, cpu.code(), cpu.err());
        BadInputCliTest.Run interp = nnc("run", m.toString(), "-i", dir.resolve("x.npy").toString(),
                "-o", dir.resolve("interp.npz").toString());
        assertEquals(0, interp.code(), interp.err());
        double[] got = Npz.read(dir.resolve("cpu.npz")).get("y").doubles();
        double[] want = Npz.read(dir.resolve("interp.npz")).get("y").doubles();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-6 + 1e-5 * Math.abs(want[i]), "y[" + i + "]");
        }
        String java = Files.readString(src.resolve("dev/nnc/cpu/generated/Small.java"));
        assertTrue(java.contains("public final class Small implements GeneratedModel"), java);
        assertTrue(java.contains("private void act()") && java.contains("private void prob()"), java);
    }

    @Test
    void unsupportedOpsAndTypesRunOnTheInterpreterOrAreOneLineErrorsWithNoFallback() throws IOException {
        var g = dev.nnc.frontend.proto.Onnx.GraphProto.newBuilder().setName("hard")
                .addInput(tensor("x", FLOAT, 2, 4)).addOutput(tensor("y", FLOAT, 2, 4))
                .addNode(node("Shrink", "pick", List.of("x"), List.of("y"))).build();
        Path m = OnnxBuilder.write(dir, "hard.onnx", model(g));
        BadInputCliTest.Run r = nnc("bench", m.toString(), "--backend", "cpu", "--no-fallback");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("node 'pick'") && r.err().contains("onnx.Shrink"), r.err());
        BadInputCliTest.Run fallback = nnc("bench", m.toString(), "--backend", "cpu", "--runs", "1", "--warmup", "1");
        assertEquals(0, fallback.code(), fallback.err());
        assertEquals("note: 1 node runs on the interpreter: Shrink 'pick'", fallback.err().strip(), fallback.err());

        var halves = dev.nnc.frontend.proto.Onnx.GraphProto.newBuilder().setName("halves") // f16: no typed arrays yet
                .addInput(tensor("n", 10, 3)).addOutput(tensor("m", 10, 3))
                .addNode(node("Neg", "negate", List.of("n"), List.of("m"))).build();
        Path h = OnnxBuilder.write(dir, "halves.onnx", model(halves));
        BadInputCliTest.Run i = nnc("bench", h.toString(), "--backend", "cpu", "--no-fallback");
        assertEquals(2, i.code(), i.err());
        assertTrue(i.err().contains("'n'") && i.err().contains("f32"), i.err());
        BadInputCliTest.Run onInterp = nnc("bench", h.toString(), "--backend", "cpu", "--runs", "1", "--warmup", "1");
        assertEquals(0, onInterp.code(), onInterp.err());
        assertTrue(onInterp.err().contains("Neg 'negate'"), onInterp.err());
        BadInputCliTest.Run wrong = nnc("run", h.toString(), "--no-fallback");
        assertEquals(2, wrong.code(), wrong.err());
        assertTrue(wrong.err().contains("--no-fallback needs --backend cpu"), wrong.err());
    }

    @Test
    void symbolicInputShapesAreSpecialisedToTheGivenInputs() throws IOException {
        var n = dev.nnc.frontend.proto.Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("N");
        var four = dev.nnc.frontend.proto.Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(4);
        var type = dev.nnc.frontend.proto.Onnx.TypeProto.newBuilder().setTensorType(dev.nnc.frontend.proto.Onnx.TypeProto.Tensor
                .newBuilder().setElemType(FLOAT).setShape(dev.nnc.frontend.proto.Onnx.TensorShapeProto.newBuilder().addDim(n).addDim(four)));
        var g = dev.nnc.frontend.proto.Onnx.GraphProto.newBuilder().setName("batch")
                .addInput(dev.nnc.frontend.proto.Onnx.ValueInfoProto.newBuilder().setName("x").setType(type))
                .addOutput(dev.nnc.frontend.proto.Onnx.ValueInfoProto.newBuilder().setName("y").setType(type))
                .addNode(node("Relu", "act", List.of("x"), List.of("h")))
                .addNode(node("Softmax", "prob", List.of("h"), List.of("y"))).build();
        Path m = OnnxBuilder.write(dir, "batch.onnx", model(g));
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {3, 4}, new double[] {1, -2, 3, 0.5, -1, 0, 2, 4, 7, 1, -3, 2});
        Npy.write(dir.resolve("x.npy"), x);
        Path src = dir.resolve("src");
        BadInputCliTest.Run cpu = nnc("run", m.toString(), "-i", dir.resolve("x.npy").toString(), "--backend", "cpu",
                "--emit-java", src.toString(), "-o", dir.resolve("cpu.npy").toString());
        assertEquals(0, cpu.code(), cpu.err());
        assertEquals("", cpu.err().strip(), "specialised to [3, 4], every node is native");
        String java = Files.readString(src.resolve("dev/nnc/cpu/generated/Batch.java"));
        assertTrue(java.contains("new float[12]; // tensor<3x4xf32>"), java);
        BadInputCliTest.Run interp = nnc("run", m.toString(), "-i", dir.resolve("x.npy").toString(),
                "-o", dir.resolve("interp.npy").toString());
        assertEquals(0, interp.code(), interp.err());
        double[] got = Npy.read(dir.resolve("cpu.npy")).doubles();
        double[] want = Npy.read(dir.resolve("interp.npy")).doubles();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-6 + 1e-5 * Math.abs(want[i]), "y[" + i + "]");
        }
        BadInputCliTest.Run refused = nnc("run", m.toString(), "-i", dir.resolve("x.npy").toString(), "--backend", "cpu",
                "--no-fallback");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("static shapes"), refused.err());
    }

    @Test
    void benchPrintsLatencyOnBothBackends() throws IOException {
        Path m = reluSoftmax();
        for (String backend : List.of("cpu", "interp")) {
            BadInputCliTest.Run r = nnc("bench", m.toString(), "--backend", backend, "--runs", "3", "--warmup", "1",
                    "--warmup-time", "0", "--threads", "2");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("small on " + backend + ", 2 threads: 3 runs after 1 warm-up ("), r.out());
            assertTrue(r.out().matches("(?s).*latency ms: min \\d+\\.\\d+  median \\d+\\.\\d+  max \\d+\\.\\d+.*"), r.out());
        }
        // a warm-up time keeps warming up past --warmup runs (the count printed is the runs made)
        BadInputCliTest.Run timed = nnc("bench", m.toString(), "--backend", "cpu", "--runs", "1", "--warmup", "1",
                "--warmup-time", "0.2");
        assertEquals(0, timed.code(), timed.err());
        java.util.regex.Matcher warm = java.util.regex.Pattern.compile("1 runs after (\\d+) warm-up \\(0\\.\\d s\\)").matcher(timed.out());
        assertTrue(warm.find() && Long.parseLong(warm.group(1)) > 1, timed.out());
        BadInputCliTest.Run bad = nnc("bench", m.toString(), "--warmup-time", "-1");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--warmup-time"), bad.err());
    }
}
