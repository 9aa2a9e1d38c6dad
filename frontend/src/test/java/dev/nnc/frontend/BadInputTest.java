package dev.nnc.frontend;

import static dev.nnc.frontend.Protos.FLOAT;
import static dev.nnc.frontend.Protos.node;
import static dev.nnc.frontend.Protos.value;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.ModelProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.diag.NncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files a user may hand nnc by mistake: each must give one line naming the file and the culprit. */
class BadInputTest {
    @TempDir
    Path dir;

    /** Imports {@code model} expecting a one-line error that names the file and each fragment. */
    static NncException fails(Path model, String... fragments) {
        NncException e = assertThrows(NncException.class, () -> OnnxImporter.importFile(model));
        String line = e.oneLine();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains(model.toString()), "message should name the file: " + line);
        for (String f : fragments) {
            assertTrue(line.contains(f), "message should contain '" + f + "': " + line);
        }
        return e;
    }

    private Path modelFile(GraphProto.Builder g) {
        return Protos.write(dir, "model.onnx", Protos.model(g));
    }

    /** x -> Identity -> y, with an initializer of the given tensor feeding a second output. */
    private Path modelWithInitializer(TensorProto init) {
        return modelFile(GraphProto.newBuilder().setName("g").addInput(value("x", FLOAT, 2))
                .addNode(node("Identity", "id", List.of("x"), List.of("y"))).addInitializer(init)
                .addOutput(value("y", FLOAT, 2)).addOutput(value(init.getName(), FLOAT)));
    }

    @Test
    void missingFile() {
        fails(dir.resolve("nope.onnx"), "not found");
    }

    @Test
    void emptyFile() {
        fails(Protos.write(dir.resolve("empty.onnx"), new byte[0]), "empty");
    }

    @Test
    void truncatedModel() throws Exception {
        byte[] full = Files.readAllBytes(TestData.require("models/mnist8/model.onnx"));
        byte[] half = java.util.Arrays.copyOf(full, full.length / 2);
        fails(Protos.write(dir.resolve("half.onnx"), half), "not a valid ONNX model");
    }

    @Test
    void randomBytes() {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        fails(Protos.write(dir.resolve("junk.onnx"), junk), "not a valid ONNX model");
    }

    @Test
    void textFile() {
        fails(Protos.write(dir.resolve("readme.onnx"), "this is not a model\n".getBytes()), "not a valid ONNX model");
    }

    @Test
    void zipArchiveIsRecognized() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        fails(Protos.write(dir.resolve("model.pt"), zip), "not a valid ONNX model", "zip archive");
    }

    @Test
    void tensorProtoPassedAsModel() throws Exception {
        Path pb = TestData.require("onnx-tests/node/test_add/test_data_set_0/input_0.pb");
        Path copy = Files.copy(pb, dir.resolve("input_0.pb"));
        fails(copy, "looks like a TensorProto, not a model");
    }

    @Test
    void builtTensorProtoPassedAsModel() {
        Path pb = Protos.write(dir, "t.pb", Protos.floats("w", new long[] {2, 2}, 1, 2, 3, 4));
        fails(pb, "looks like a TensorProto, not a model");
    }

    @Test
    void modelWithoutGraph() {
        Path p = Protos.write(dir, "nograph.onnx", ModelProto.newBuilder().setIrVersion(9).setProducerName("x").build());
        fails(p, "no graph");
    }

    @Test
    void unknownOpsAreAllListedInOneLine() {
        Path p = modelFile(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("FooBar", "n1", List.of("x"), List.of("a")))
                .addNode(node("FooBar", "n2", List.of("a"), List.of("b")))
                .addNode(node("Bazz", "", List.of("b"), List.of("c")))
                .addNode(node("Identity", "ok", List.of("c"), List.of("y")))
                .addOutput(value("y", FLOAT, 2)));
        NncException e = fails(p, "unsupported ops: FooBar (nodes n1, n2), Bazz (node Bazz_2)");
        assertFalse(e.oneLine().contains("Identity"), e.oneLine());
    }

    @Test
    void opOfAnotherDomain() {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Identity", "ms", List.of("x"), List.of("y")).toBuilder().setDomain("com.microsoft"))
                .addOutput(value("y", FLOAT, 2));
        fails(modelFile(g), "unsupported ops: com.microsoft.Identity (node ms)");
    }

    @Test
    void graphWithCycle() {
        Path p = modelFile(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Identity", "a", List.of("c"), List.of("b")))
                .addNode(node("Identity", "b", List.of("b"), List.of("c")))
                .addNode(node("Identity", "out", List.of("x"), List.of("y")))
                .addOutput(value("y", FLOAT, 2)));
        fails(p, "cycle", "node 'a'");
    }

    @Test
    void inputNobodyDefines() {
        Path p = modelFile(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Identity", "lost", List.of("ghost"), List.of("y")))
                .addOutput(value("y", FLOAT, 2)));
        fails(p, "node 'lost'", "'ghost'");
    }

    @Test
    void outputNobodyDefines() {
        Path p = modelFile(GraphProto.newBuilder().addInput(value("x", FLOAT, 2)).addOutput(value("nothing", FLOAT, 2)));
        fails(p, "graph output 'nothing'");
    }

    @Test
    void valueDefinedTwice() {
        Path p = modelFile(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Identity", "one", List.of("x"), List.of("y")))
                .addNode(node("Identity", "two", List.of("x"), List.of("y")))
                .addOutput(value("y", FLOAT, 2)));
        fails(p, "'y'", "defined twice", "node 'one'", "node 'two'");
    }

    @Test
    void tensorAboveMemoryLimitIsRefusedBeforeAllocation() {
        TensorProto huge = TensorProto.newBuilder().setName("huge").setDataType(FLOAT).addDims(1_000_000).addDims(1_000_000).build();
        fails(modelWithInitializer(huge), "initializer 'huge'", "above the limit");
    }

    @Test
    void elementCountMismatch() {
        TensorProto w = TensorProto.newBuilder().setName("w").setDataType(FLOAT).addDims(3).addFloatData(1).addFloatData(2).build();
        fails(modelWithInitializer(w), "initializer 'w'", "float_data", "need 3");
    }

    @Test
    void unsupportedDataType() {
        TensorProto w = TensorProto.newBuilder().setName("w8").setDataType(TensorProto.DataType.COMPLEX64_VALUE)
                .addDims(1).setRawData(com.google.protobuf.ByteString.copyFrom(new byte[8])).build();
        fails(modelWithInitializer(w), "initializer 'w8'", "COMPLEX64");
    }

    private static TensorProto external(String name, String location, long length) {
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(FLOAT).addDims(2)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL);
        b.addExternalDataBuilder().setKey("location").setValue(location);
        if (length >= 0) {
            b.addExternalDataBuilder().setKey("length").setValue(String.valueOf(length));
        }
        return b.build();
    }

    @Test
    void externalDataEscapingTheFolder() {
        Protos.write(dir.resolve("x.bin"), new byte[8]);
        Path model = Protos.write(dir.resolve("m"), "model.onnx", Protos.model(GraphProto.newBuilder()
                .addInitializer(external("w", "../x.bin", -1)).addOutput(value("w", FLOAT))));
        fails(model, "initializer 'w'", "'../x.bin'", "escapes");
    }

    @Test
    void externalDataAbsolutePath() {
        Path bin = Protos.write(dir.resolve("abs.bin"), new byte[8]);
        fails(modelWithInitializer(external("w", bin.toAbsolutePath().toString(), -1)), "initializer 'w'", "absolute");
    }

    @Test
    void externalDataMissingFile() {
        fails(modelWithInitializer(external("w", "weights.bin", -1)), "initializer 'w'", "'weights.bin'", "not found");
    }

    @Test
    void externalDataTooShort() {
        Protos.write(dir.resolve("short.bin"), new byte[5]);
        fails(modelWithInitializer(external("w", "short.bin", -1)), "initializer 'w'", "'short.bin'", "too short");
    }

    @Test
    void externalDataWrongLength() {
        Protos.write(dir.resolve("w.bin"), new byte[16]);
        fails(modelWithInitializer(external("w", "w.bin", 12)), "initializer 'w'", "length 12");
    }

    @Test
    void externalDataThroughSymlinkOutside() throws Exception {
        Path outside = Protos.write(dir.resolve("secret.bin"), new byte[8]);
        Path folder = Files.createDirectories(dir.resolve("m"));
        try {
            Files.createSymbolicLink(folder.resolve("link.bin"), outside);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        Path model = Protos.write(folder, "model.onnx", Protos.model(GraphProto.newBuilder()
                .addInitializer(external("w", "link.bin", -1)).addOutput(value("w", FLOAT))));
        fails(model, "initializer 'w'", "'link.bin'", "outside");
    }

    @Test
    void inputShapeForUnknownInput() {
        Path p = modelWithInitializer(Protos.floats("c", new long[] {1}, 1));
        NncException e = assertThrows(NncException.class,
                () -> OnnxImporter.importFile(p, ImportOptions.defaults().withInputShape("nope=1x2")));
        assertTrue(e.oneLine().contains("'nope'") && e.oneLine().contains(p.toString()), e.oneLine());
    }

    @Test
    void inputShapeOfWrongRank() {
        Path p = modelWithInitializer(Protos.floats("c", new long[] {1}, 1));
        NncException e = assertThrows(NncException.class,
                () -> OnnxImporter.importFile(p, ImportOptions.defaults().withInputShape("x=1x2")));
        assertTrue(e.oneLine().contains("rank 2") && e.oneLine().contains("'x'"), e.oneLine());
    }

    @Test
    void malformedInputShapeOption() {
        assertThrows(NncException.class, () -> ImportOptions.defaults().withInputShape("x=1xq"));
        assertThrows(NncException.class, () -> ImportOptions.defaults().withInputShape("1x2"));
        assertThrows(NncException.class, () -> ImportOptions.defaults().withInputShape("x=1x-2"));
        assertThrows(NncException.class, () -> ImportOptions.defaults().withInputShape("x", new int[] {-1}));
    }

    @Test
    void corruptTensorFile() {
        Path pb = Protos.write(dir.resolve("input_0.pb"), new byte[] {(byte) 0xff, (byte) 0xff, 0x01});
        NncException e = assertThrows(NncException.class, () -> TensorFiles.readTensorProto(pb));
        assertTrue(e.oneLine().contains(pb.toString()) && !e.oneLine().contains("\n"), e.oneLine());
        NncException empty = assertThrows(NncException.class,
                () -> TensorFiles.readTensorProto(Protos.write(dir.resolve("e.pb"), new byte[0])));
        assertTrue(empty.oneLine().contains("e.pb") && empty.oneLine().contains("empty"), empty.oneLine());
    }

    @Test
    void declaredTypeContradictingInference() {
        Path p = modelFile(GraphProto.newBuilder().addInput(value("x", FLOAT, 2, 3))
                .addNode(node("Relu", "r", List.of("x"), List.of("y")))
                .addOutput(value("y", FLOAT, 3, 2)));
        fails(p, "node 'r'", "onnx.Relu result 0 'y' is declared tensor<3x2xf32> in the model but the op produces tensor<2x3xf32>");
    }

    @Test
    void declaredTypeMorePreciseThanInferenceIsKept() throws Exception {
        Path p = modelFile(GraphProto.newBuilder().addInput(value("x", FLOAT, "n", 3))
                .addNode(node("Relu", "r", List.of("x"), List.of("y")))
                .addOutput(value("y", FLOAT, 4, 3)));
        assertTrue(dev.nnc.ir.text.IrPrinter.print(OnnxImporter.importFile(p).op()).contains("tensor<4x3xf32>"));
    }

    @Test
    void unknownAttributeIsOneLine() {
        Path p = modelFile(GraphProto.newBuilder().addInput(value("x", FLOAT, 2, 3))
                .addNode(node("ReduceSum", "rs", List.of("x"), List.of("y"), Protos.intAttr("axs", 1)))
                .addOutput(value("y", FLOAT)));
        fails(p, "node 'rs'", "ReduceSum has no attribute 'axs' (it has: axes, keepdims, noop_with_empty_axes)");
    }
}
