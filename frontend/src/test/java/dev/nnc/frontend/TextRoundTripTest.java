package dev.nnc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.text.StructuralEquality;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the importer builds prints, parses back to the same structure and prints identically. */
class TextRoundTripTest {

    private static void roundTrips(ModuleOp m) {
        String text = IrPrinter.print(m);
        ModuleOp back = IrParser.parse(text, "imported.mlir");
        assertNull(StructuralEquality.describeDifference(m, back), text);
        assertEquals(text, IrPrinter.print(back));
    }

    @Test
    void identityModel() {
        roundTrips(OnnxImporter.importFile(TestData.require("onnx-tests/node/test_identity/model.onnx")));
    }

    @Test
    void mnist8WithItsWeights() {
        Path model = TestData.require("models/mnist8/model.onnx");
        roundTrips(new OnnxImporter(TestData.withStandIns("Conv", "Add", "Relu", "MaxPool", "Reshape", "MatMul"))
                .importModel(model, ImportOptions.defaults()));
    }

    @Test
    void modelWithSubgraphAndOptionalInputs() {
        Path model = TestData.require("onnx-tests/node/test_if/model.onnx");
        roundTrips(OnnxImporter.importFile(model));
    }
}
