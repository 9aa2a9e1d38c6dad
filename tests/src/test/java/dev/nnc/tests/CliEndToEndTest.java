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
import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.TensorShapeProto;
import dev.nnc.frontend.proto.Onnx.TypeProto;
import dev.nnc.frontend.proto.Onnx.ValueInfoProto;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnc import} and {@code nnc run} on small models built here, through the real command. */
class CliEndToEndTest {
    @TempDir
    Path dir;

    private Path twoInputs;
    private final Tensor a = Tensor.ofDoubles(FloatType.F32, new int[] {1, 3}, new double[] {1, 5, 2});
    private final Tensor b = Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {7, -7});

    /** Two inputs passed through: {@code a} f32[1,3] to {@code out_a}, {@code b} i64[2] to {@code out_b}. */
    @BeforeEach
    void buildModel() throws IOException {
        GraphProto g = GraphProto.newBuilder().setName("pass")
                .addInput(tensor("a", FLOAT, 1, 3)).addInput(tensor("b", 7, 2))
                .addOutput(tensor("out_a", FLOAT, 1, 3)).addOutput(tensor("out_b", 7, 2))
                .addNode(node("Identity", "ida", List.of("a"), List.of("out_a")))
                .addNode(node("Identity", "idb", List.of("b"), List.of("out_b"))).build();
        twoInputs = OnnxBuilder.write(dir, "two.onnx", model(g));
        Npy.write(dir.resolve("a.npy"), a);
        Npy.write(dir.resolve("b.npy"), b);
    }

    @Test
    void importWritesTheIrFileAndNothingToStdout() throws IOException {
        Path nir = dir.resolve("two.nir");
        BadInputCliTest.Run r = nnc("import", twoInputs.toString(), "-o", nir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        String text = Files.readString(nir);
        assertTrue(text.contains("\"onnx.Identity\""), text);
        assertEquals(text, nnc("import", twoInputs.toString()).out(), "stdout and -o give the same text");
        assertEquals(text, nnc("import", nir.toString()).out(), "importing the IR text again reprints it unchanged");
    }

    @Test
    void irTextRunsLikeTheOnnxModel() {
        Path nir = dir.resolve("two.nir");
        assertEquals(0, nnc("import", twoInputs.toString(), "-o", nir.toString()).code());
        for (Path model : List.of(twoInputs, nir)) {
            Path out = dir.resolve(model.getFileName() + ".npz");
            BadInputCliTest.Run r = nnc("run", model.toString(), "-i", "b=" + dir.resolve("b.npy"),
                    "-i", dir.resolve("a.npy").toString(), "-o", out.toString());
            assertEquals(0, r.code(), r.err());
            Map<String, Tensor> got = Npz.read(out);
            assertEquals(List.of("out_a", "out_b"), List.copyOf(got.keySet()));
            assertEquals(a, got.get("out_a"));
            assertEquals(b, got.get("out_b"));
        }
    }

    @Test
    void unnamedInputsFillTheModelInputsInOrderAndAnNpzGivesThemByName() {
        BadInputCliTest.Run positional = nnc("run", twoInputs.toString(), "-i", dir.resolve("a.npy").toString(),
                "-i", dir.resolve("b.npy").toString());
        assertEquals(0, positional.code(), positional.err());
        Path npz = dir.resolve("inputs.npz");
        Npz.write(npz, Map.of("a", a, "b", b));
        BadInputCliTest.Run byName = nnc("run", twoInputs.toString(), "--input", npz.toString());
        assertEquals(0, byName.code(), byName.err());
        assertEquals(positional.out(), byName.out());
    }

    @Test
    void summaryShowsEachOutput() {
        BadInputCliTest.Run r = nnc("run", twoInputs.toString(), "-i", "a=" + dir.resolve("a.npy"),
                "-i", "b=" + dir.resolve("b.npy"));
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                out_a: tensor<1x3xf32>  min 1  max 5  mean 2.66667
                  [1.0, 5.0, 2.0]
                  argmax 1
                out_b: tensor<2xi64>  min -7  max 7  mean 0
                  [7, -7]
                  argmax 0
                """, r.out());
    }

    @Test
    void missingAndSurplusInputsAreOneLineErrors() {
        BadInputCliTest.assertOneLineError(nnc("run", twoInputs.toString(), "-i", dir.resolve("a.npy").toString()),
                List.of("missing --input for model input b"));
        BadInputCliTest.assertOneLineError(nnc("run", twoInputs.toString(), "-i", "c=" + dir.resolve("a.npy")),
                List.of("no input 'c'", "a, b"));
        BadInputCliTest.assertOneLineError(nnc("run", twoInputs.toString(), "-i", "a=" + dir.resolve("a.npy"),
                "-i", "a=" + dir.resolve("a.npy"), "-i", dir.resolve("b.npy").toString()), List.of("input 'a' is already given"));
    }

    @Test
    void inputShapeFixesASymbolicDimension() throws IOException {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(3)).build();
        ValueInfoProto x = ValueInfoProto.newBuilder().setName("x").setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(shape))).build();
        ValueInfoProto y = x.toBuilder().setName("y").build();
        GraphProto g = GraphProto.newBuilder().setName("dyn").addInput(x).addOutput(y)
                .addNode(node("Identity", "id0", List.of("x"), List.of("y"))).build();
        Path model = OnnxBuilder.write(dir, "dyn.onnx", model(g));
        BadInputCliTest.Run fixed = nnc("import", model.toString(), "--input-shape", "x=2x3");
        assertEquals(0, fixed.code(), fixed.err());
        assertTrue(fixed.out().contains("tensor<2x3xf32>"), fixed.out());
        Tensor two = Tensor.ofDoubles(FloatType.F32, new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6});
        Npy.write(dir.resolve("two.npy"), two);
        Path out = dir.resolve("y.npy");
        BadInputCliTest.Run r = nnc("run", model.toString(), "--input-shape", "x=2x3", "-i", dir.resolve("two.npy").toString(),
                "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(two, Npy.read(out));
        BadInputCliTest.Run symbolic = nnc("run", model.toString(), "-i", dir.resolve("two.npy").toString(), "-o", out.toString());
        assertEquals(0, symbolic.code(), "a symbolic dimension accepts any size: " + symbolic.err());
        assertEquals(two, Npy.read(out));
    }

    @Test
    void anOutputNumpyCannotHoldIsAOneLineErrorAndNoFile() throws IOException {
        GraphProto g = GraphProto.newBuilder().setName("cast")
                .addInput(tensor("x", FLOAT, 1, 3)).addOutput(tensor("half", 16, 1, 3))
                .addNode(node("Cast", "to_bf16", List.of("x"), List.of("half")).toBuilder()
                        .addAttribute(AttributeProto.newBuilder().setName("to").setI(16).setType(AttributeProto.AttributeType.INT)))
                .build();
        Path model = OnnxBuilder.write(dir, "cast.onnx", model(g));
        Npy.write(dir.resolve("x.npy"), a);
        Path out = dir.resolve("out.npz");
        BadInputCliTest.assertOneLineError(nnc("run", model.toString(), "-i", dir.resolve("x.npy").toString(), "-o", out.toString()),
                List.of(out.toString(), "'half'", "bf16"));
        assertTrue(Files.notExists(out));
        BadInputCliTest.Run summary = nnc("run", model.toString(), "-i", dir.resolve("x.npy").toString());
        assertEquals(0, summary.code(), summary.err());
        assertTrue(summary.out().startsWith("half: tensor<1x3xbf16>  min 1  max 5"), summary.out());
    }
}
