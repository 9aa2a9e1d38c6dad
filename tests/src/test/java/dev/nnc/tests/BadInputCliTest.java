package dev.nnc.tests;

import static dev.nnc.tests.OnnxBuilder.FLOAT;
import static dev.nnc.tests.OnnxBuilder.identityGraph;
import static dev.nnc.tests.OnnxBuilder.model;
import static dev.nnc.tests.OnnxBuilder.node;
import static dev.nnc.tests.OnnxBuilder.tensor;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.Main;
import dev.nnc.cli.io.Npy;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.StringStringEntryProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real command, in-process: each case must exit 2 with exactly one line on
 * stderr naming the file (and the node or value), with no exception text or stack trace, and
 * leave no output file behind.
 */
class BadInputCliTest {
    @TempDir
    Path dir;

    /** Runs {@code nnc import} and {@code nnc run} with -o on a bad model and checks both. */
    private void assertRejectedModel(Path model, String... expectedParts) {
        Path nir = dir.resolve("out.nir");
        Path npz = dir.resolve("out.npz");
        Path input = writeNpy("ok.npy", Tensor.ofDoubles(FloatType.F32, new int[] {1, 3}, new double[] {1, 2, 3}));
        List<String> parts = new ArrayList<>(Arrays.asList(expectedParts));
        parts.add(model.toString());
        assertOneLineError(nnc("import", model.toString(), "-o", nir.toString()), parts);
        assertOneLineError(nnc("run", model.toString(), "--input", input.toString(), "-o", npz.toString()), parts);
        assertFalse(Files.exists(nir), "import -o left " + nir);
        assertFalse(Files.exists(npz), "run -o left " + npz);
    }

    @Test
    void emptyFile() throws IOException {
        Path f = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        assertRejectedModel(f, "empty");
    }

    @Test
    void truncatedModel() throws IOException {
        byte[] full = model(identityGraph().build()).toByteArray();
        Path f = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(full, full.length - 7));
        assertRejectedModel(f, "not a valid ONNX model");
    }

    @Test
    void randomBytes() throws IOException {
        byte[] junk = new byte[4096];
        new Random(1234).nextBytes(junk);
        Path f = Files.write(dir.resolve("random.onnx"), junk);
        assertRejectedModel(f, "not a valid ONNX model");
    }

    @Test
    void tensorProtoPassedAsModel() throws IOException {
        TensorProto t = TensorProto.newBuilder().setName("w").setDataType(FLOAT).addDims(3)
                .addFloatData(1).addFloatData(2).addFloatData(3).build();
        Path f = Files.write(dir.resolve("tensor.pb"), t.toByteArray());
        assertRejectedModel(f, "TensorProto");
    }

    @Test
    void unknownOp() throws IOException {
        GraphProto g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", FLOAT, 1, 3)).addOutput(tensor("y", FLOAT, 1, 3))
                .addNode(node("Frobnicate", "mystery", List.of("x"), List.of("y"))).build();
        assertRejectedModel(OnnxBuilder.write(dir, "unknown_op.onnx", model(g)), "Frobnicate", "mystery");
    }

    @Test
    void graphWithACycle() throws IOException {
        GraphProto g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", FLOAT, 1, 3)).addOutput(tensor("b", FLOAT, 1, 3))
                .addNode(node("Identity", "first", List.of("b"), List.of("a")))
                .addNode(node("Identity", "second", List.of("a"), List.of("b"))).build();
        assertRejectedModel(OnnxBuilder.write(dir, "cycle.onnx", model(g)), "cycle", "first", "second");
    }

    @Test
    void tensorLargerThanTheMemoryLimit() throws IOException {
        TensorProto huge = TensorProto.newBuilder().setName("huge_weight").setDataType(FLOAT)
                .addDims(100_000).addDims(100_000).setRawData(com.google.protobuf.ByteString.copyFrom(new byte[16])).build();
        GraphProto g = identityGraph().addInitializer(huge).build();
        assertRejectedModel(OnnxBuilder.write(dir, "huge.onnx", model(g)), "huge_weight");
    }

    @Test
    void externalDataOutsideTheModelFolder() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("model"));
        Path secret = Files.write(dir.resolve("secret.bin"), new byte[12]);
        for (String location : List.of("../secret.bin", secret.toAbsolutePath().toString())) {
            TensorProto w = TensorProto.newBuilder().setName("w_ext").setDataType(FLOAT).addDims(1).addDims(3)
                    .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                    .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location)).build();
            GraphProto g = GraphProto.newBuilder().setName("g")
                    .addInput(tensor("x", FLOAT, 1, 3)).addOutput(tensor("y", FLOAT, 1, 3)).addInitializer(w)
                    .addNode(node("Identity", "id0", List.of("w_ext"), List.of("y"))).build();
            Path f = OnnxBuilder.write(sub, "external.onnx", model(g));
            assertRejectedModel(f, "w_ext", location);
        }
    }

    @Test
    void irTextWithASyntaxErrorAnInvalidOpOrBinaryBytes() throws IOException {
        Path model = OnnxBuilder.write(dir, "identity.onnx", model(identityGraph().build()));
        String text = nnc("import", model.toString()).out();
        Path syntax = Files.writeString(dir.resolve("syntax.nir"), text.replace("\"onnx.Identity\"(%x)", "\"onnx.Identity\"(%x"));
        assertRejectedModel(syntax, "syntax.nir:");
        Path invalid = Files.writeString(dir.resolve("invalid.nir"), text.replace("\"onnx.Identity\"(%x)", "\"onnx.Identity\"(%x, %x)")
                .replace("(tensor<1x3xf32>) -> tensor<1x3xf32> loc(\"id0\")", "(tensor<1x3xf32>, tensor<1x3xf32>) -> tensor<1x3xf32> loc(\"id0\")"));
        assertRejectedModel(invalid, "id0", "operand");
        Path binary = Files.write(dir.resolve("binary.nir"), new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF});
        assertRejectedModel(binary, "not UTF-8 text");
    }

    @Test
    void inputWithTheWrongShapeOrType() throws IOException {
        Path model = OnnxBuilder.write(dir, "identity.onnx", model(identityGraph().build()));
        Path out = dir.resolve("out.npz");
        Path wrongShape = writeNpy("shape.npy", Tensor.ofDoubles(FloatType.F32, new int[] {1, 4}, new double[4]));
        Path wrongType = writeNpy("type.npy", Tensor.ofLongs(IntegerType.I32, new int[] {1, 3}, new long[3]));
        for (Path input : List.of(wrongShape, wrongType)) {
            assertOneLineError(nnc("run", model.toString(), "--input", input.toString(), "-o", out.toString()),
                    List.of(input.toString(), "'x'"));
            assertOneLineError(nnc("run", model.toString(), "--input", "x=" + input, "-o", out.toString()),
                    List.of(input.toString(), "'x'"));
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void malformedInputFile() throws IOException {
        Path model = OnnxBuilder.write(dir, "identity.onnx", model(identityGraph().build()));
        Path bad = Files.writeString(dir.resolve("bad.npy"), "definitely not numpy");
        assertOneLineError(nnc("run", model.toString(), "--input", bad.toString()), List.of(bad.toString(), ".npy"));
    }

    @Test
    void goodModelRunsAndWritesItsOutput() throws IOException {
        Path model = OnnxBuilder.write(dir, "identity.onnx", model(identityGraph().build()));
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {1, 3}, new double[] {1, -2, 3.5});
        Path out = dir.resolve("y.npz");
        Run r = nnc("run", model.toString(), "--input", writeNpy("x.npy", x).toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(x, dev.nnc.cli.io.Npz.read(out).get("y"));
    }

    private Path writeNpy(String name, Tensor t) {
        Path f = dir.resolve(name);
        Npy.write(f, t);
        return f;
    }

    record Run(int code, String out, String err) {
    }

    static Run nnc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static void assertOneLineError(Run r, List<String> mustContain) {
        List<String> lines = r.err().lines().toList();
        assertAll(
                () -> assertEquals(2, r.code(), "exit code; stderr: " + r.err()),
                () -> assertEquals(1, lines.size(), "stderr must be one line: " + r.err()),
                () -> assertTrue(r.err().startsWith("nnc: error: "), r.err()),
                () -> assertFalse(r.err().contains("Exception"), r.err()),
                () -> assertFalse(r.err().contains("at dev.nnc"), r.err()),
                () -> assertEquals("", r.out()),
                () -> mustContain.forEach(s -> assertTrue(r.err().contains(s), "'" + s + "' missing from: " + r.err())));
    }
}
