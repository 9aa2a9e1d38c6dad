package dev.nnc.frontend;

import static dev.nnc.frontend.Protos.FLOAT;
import static dev.nnc.frontend.Protos.node;
import static dev.nnc.frontend.Protos.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.ModelProto;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.text.StructuralEquality;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Export then import gives the module back; the written file is plain ONNX. */
class OnnxExporterTest {
    @TempDir
    Path dir;

    private ModuleOp reimport(ModuleOp m) {
        Path out = dir.resolve("out.onnx");
        OnnxExporter.exportFile(m, out);
        return OnnxImporter.importFile(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"models/mnist8", "models/ultraface_slim", "models/mnist8_qdq", "onnx-tests/node/test_if",
        "onnx-tests/node/test_loop11", "onnx-tests/node/test_dropout_default_mask", "onnx-tests/node/test_identity"})
    void sharedModelsSurviveExportAndImport(String model) {
        ModuleOp m;
        try {
            m = OnnxImporter.importFile(TestData.require(model + "/model.onnx"));
        } catch (NncException e) {
            org.junit.jupiter.api.Assumptions.assumeFalse(e.getMessage().contains("unsupported ops"), e.getMessage());
            throw e;
        }
        assertNull(StructuralEquality.describeDifference(m, reimport(m)));
    }

    @Test
    void outputsThatAreInputsOrSharedGetIdentityNodes() throws Exception {
        Path p = Protos.write(dir, "model.onnx", Protos.model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Identity", "id", List.of("x"), List.of("y")))
                .addOutput(value("y", FLOAT, 2)).addOutput(value("x", FLOAT, 2))));
        ModuleOp m = OnnxImporter.importFile(p);
        FuncOp f = m.mainFunction();
        // a second output naming the same value as the first
        f.returnOp().addOperand(f.outputs().get(0));
        f.op().setProperty("result_names", new dev.nnc.ir.attr.Attribute.ArrayAttr(List.of(
                new dev.nnc.ir.attr.Attribute.StringAttr("y"), new dev.nnc.ir.attr.Attribute.StringAttr("x_out"),
                new dev.nnc.ir.attr.Attribute.StringAttr("y2"))));
        Path out = dir.resolve("out.onnx");
        OnnxExporter.exportFile(m, out);
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(out));
        assertEquals(List.of("y", "x_out", "y2"), proto.getGraph().getOutputList().stream().map(o -> o.getName()).toList());
        assertEquals(3, proto.getGraph().getNodeCount(), "the Identity of the model and two for the outputs");
        assertEquals(List.of("y", "x_out", "y2"), OnnxImporter.importFile(out).mainFunction().outputNames());
    }

    @Test
    void opsOutsideTheOnnxDialectAreRefused() {
        Path p = Protos.write(dir, "model.onnx", Protos.model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Identity", "id", List.of("x"), List.of("y"))).addOutput(value("y", FLOAT, 2))));
        ModuleOp m = OnnxImporter.importFile(p);
        FuncOp f = m.mainFunction();
        Operation foreign = Operation.create("q.Quantize", List.of(f.arguments().get(0)),
                List.of(TensorType.of(FloatType.F32, 2)), Map.of(), Location.named("q1"));
        f.body().insertBefore(f.returnOp(), foreign);
        Path out = dir.resolve("bad.onnx");
        NncException e = assertThrows(NncException.class, () -> OnnxExporter.exportFile(m, out));
        assertTrue(e.oneLine().startsWith(out + ": cannot export op q.Quantize (node 'q1')"), e.oneLine());
    }
}
