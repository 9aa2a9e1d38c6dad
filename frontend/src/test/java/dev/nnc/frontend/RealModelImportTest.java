package dev.nnc.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Imports real files of the shared test data and checks their structure. */
class RealModelImportTest {

    private static Map<String, Integer> opCounts(FuncOp f) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Operation op : f.body().operations()) {
            counts.merge(op.name(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void identityNodeTest() {
        Path model = TestData.require("onnx-tests/node/test_identity/model.onnx");
        ModuleOp m = OnnxImporter.importFile(model);
        FuncOp f = m.mainFunction();
        assertEquals("main", f.symName());
        assertEquals(1, f.arguments().size());
        assertEquals(Map.of("func.return", 1, "onnx.Identity", 1), opCounts(f));
        Operation id = f.body().operations().get(0);
        assertEquals(f.arguments().get(0), id.operand(0));
        assertEquals(f.outputs().get(0), id.result(0));
        assertEquals(id.result(0).type(), f.arguments().get(0).type());
        assertTrue(m.opset() > 0);
    }

    /** Imports a conformance test, runs set 0 through the interpreter and compares exactly. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"test_identity", "test_if", "test_loop11"})
    void runsThroughTheInterpreterToTheReferenceOutput(String test) throws Exception {
        Path dir = TestData.require("onnx-tests/node/" + test);
        ModuleOp m;
        try {
            m = OnnxImporter.importFile(dir.resolve("model.onnx"));
        } catch (dev.nnc.ir.diag.NncException e) {
            org.junit.jupiter.api.Assumptions.assumeFalse(e.getMessage().contains("unsupported ops"), e.getMessage());
            throw e;
        }
        FuncOp f = m.mainFunction();
        Map<String, Tensor> inputs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < f.inputNames().size(); i++) {
            inputs.put(f.inputNames().get(i), TensorFiles.readTensorProto(dir.resolve("test_data_set_0/input_" + i + ".pb")));
        }
        java.util.List<Tensor> out = java.util.List.copyOf(new dev.nnc.ir.interp.Interpreter().run(m, inputs).values());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(TensorFiles.readTensorProto(dir.resolve("test_data_set_0/output_" + i + ".pb")), out.get(i), test + " output " + i);
        }
    }

    @Test
    void addNodeTestWithStandIn() {
        Path model = TestData.require("onnx-tests/node/test_add/model.onnx");
        ModuleOp m = new OnnxImporter(TestData.withStandIns("Add")).importModel(model, ImportOptions.defaults());
        FuncOp f = m.mainFunction();
        assertEquals(java.util.List.of("x", "y"), f.inputNames());
        assertEquals(TensorType.of(FloatType.F32, 3, 4, 5), f.arguments().get(0).type());
        assertEquals(java.util.List.of("sum"), f.outputNames());
        assertEquals(TensorType.of(FloatType.F32, 3, 4, 5), f.outputs().get(0).type());
    }

    @Test
    void addTestDataTensor() {
        Path pb = TestData.require("onnx-tests/node/test_add/test_data_set_0/input_0.pb");
        Tensor t = TensorFiles.readTensorProto(pb);
        assertEquals(FloatType.F32, t.elementType());
        assertArrayEquals(new int[] {3, 4, 5}, t.shape());
        assertEquals("x", TensorFiles.tensorName(pb));
    }

    @Test
    void mnist8Structure() {
        Path model = TestData.require("models/mnist8/model.onnx");
        ModuleOp m = new OnnxImporter(TestData.withStandIns("Conv", "Add", "Relu", "MaxPool", "Reshape", "MatMul"))
                .importModel(model, ImportOptions.defaults());
        FuncOp f = m.mainFunction();
        Map<String, Integer> counts = opCounts(f);
        assertEquals(2, counts.get("onnx.Conv"));
        assertEquals(2, counts.get("onnx.MaxPool"));
        assertEquals(1, counts.get("onnx.MatMul"));
        assertEquals(1, f.arguments().size());
        assertEquals(TensorType.of(FloatType.F32, 1, 1, 28, 28), f.arguments().get(0).type());
        assertEquals(1, f.outputs().size());
        Operation firstConst = f.body().operations().get(0);
        assertEquals("onnx.Constant", firstConst.name());
        Attribute.DenseAttr value = (Attribute.DenseAttr) firstConst.property("value");
        assertNotNull(value.resourceName());
        assertEquals(value.resourceName(), firstConst.result(0).nameHint());
    }
}
