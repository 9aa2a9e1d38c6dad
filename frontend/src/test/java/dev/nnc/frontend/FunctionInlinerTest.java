package dev.nnc.frontend;

import static dev.nnc.frontend.Protos.FLOAT;
import static dev.nnc.frontend.Protos.node;
import static dev.nnc.frontend.Protos.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.FunctionProto;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.ModelProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls of model-local functions are replaced by their bodies with names and attributes bound. */
class FunctionInlinerTest {

    /** {@code local.Twice(a) -> b}: Identity(a) -> t, Identity(t) -> b, whose second node reads attribute k as 'level'. */
    private static FunctionProto twice() {
        AttributeProto ref = AttributeProto.newBuilder().setName("level").setRefAttrName("k")
                .setType(AttributeProto.AttributeType.INT).build();
        return FunctionProto.newBuilder().setName("Twice").setDomain("local").addInput("a").addOutput("b")
                .addAttributeProto(Protos.intAttr("k", 5))
                .addNode(node("Identity", "", List.of("a"), List.of("t")))
                .addNode(node("Identity", "second", List.of("t"), List.of("b"), ref)).build();
    }

    private static NodeProto call(String name, String in, String out, AttributeProto... attrs) {
        return node("Twice", name, List.of(in), List.of(out), attrs).toBuilder().setDomain("local").build();
    }

    private static ModelProto model(GraphProto.Builder g, FunctionProto... fs) {
        return Protos.model(g).toBuilder().addAllFunctions(List.of(fs)).build();
    }

    private static GraphProto twoCalls() {
        return FunctionInliner.inline(model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(call("c1", "x", "m", Protos.intAttr("k", 3)))
                .addNode(call("", "m", "y"))
                .addOutput(value("y", FLOAT, 2)), twice()), "m.onnx");
    }

    @Test
    void bodyReplacesTheCallWithNamesBound() {
        GraphProto g = twoCalls();
        assertEquals(4, g.getNodeCount());
        NodeProto first = g.getNode(0);
        assertEquals("c1/Identity_0", first.getName());
        assertEquals(List.of("x"), first.getInputList());
        assertEquals(List.of("c1/t"), first.getOutputList());
        assertEquals(List.of("c1/t"), g.getNode(1).getInputList());
        assertEquals(List.of("m"), g.getNode(1).getOutputList());
        assertEquals(List.of("Twice_1/t"), g.getNode(2).getOutputList(), "an unnamed call is named by op and index");
        assertEquals(List.of("y"), g.getNode(3).getOutputList());
    }

    @Test
    void attributeReferencesTakeTheCallsValueElseTheDefault() {
        GraphProto g = twoCalls();
        assertEquals(3, g.getNode(1).getAttribute(0).getI());
        assertEquals("level", g.getNode(1).getAttribute(0).getName());
        assertEquals(5, g.getNode(3).getAttribute(0).getI());
    }

    @Test
    void referenceWithoutValueIsDropped() {
        FunctionProto noDefault = twice().toBuilder().clearAttributeProto().addAttribute("k").build();
        GraphProto g = FunctionInliner.inline(model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(call("c", "x", "y")).addOutput(value("y", FLOAT, 2)), noDefault), "m.onnx");
        assertEquals(0, g.getNode(1).getAttributeCount());
    }

    @Test
    void nestedCallsAreExpanded() {
        FunctionProto outer = FunctionProto.newBuilder().setName("Four").setDomain("local").addInput("p").addOutput("q")
                .addNode(call("i1", "p", "r")).addNode(call("i2", "r", "q")).build();
        GraphProto g = FunctionInliner.inline(model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Four", "f", List.of("x"), List.of("y")).toBuilder().setDomain("local"))
                .addOutput(value("y", FLOAT, 2)), twice(), outer), "m.onnx");
        assertEquals(4, g.getNodeCount());
        assertEquals("f/i1/Identity_0", g.getNode(0).getName());
        assertEquals(List.of("f/i1/t"), g.getNode(0).getOutputList());
        assertEquals(List.of("f/r"), g.getNode(1).getOutputList());
        assertEquals(List.of("y"), g.getNode(3).getOutputList());
    }

    @Test
    void recursionIsAnError() {
        FunctionProto loop = FunctionProto.newBuilder().setName("Twice").setDomain("local").addInput("a").addOutput("b")
                .addNode(call("again", "a", "b")).build();
        NncException e = assertThrows(NncException.class, () -> FunctionInliner.inline(model(GraphProto.newBuilder()
                .addInput(value("x", FLOAT, 2)).addNode(call("c", "x", "y")).addOutput(value("y", FLOAT, 2)), loop), "m.onnx"));
        assertTrue(e.oneLine().startsWith("m.onnx: function Twice calls itself"), e.oneLine());
    }

    @Test
    void importedModelHasOnlyTheBodysOps(@TempDir Path dir) {
        Path p = Protos.write(dir, "model.onnx", model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(call("c1", "x", "y")).addOutput(value("y", FLOAT, 2)),
                // without a value for k the reference is dropped ('level' is no attribute of Identity)
                twice().toBuilder().clearAttributeProto().addAttribute("k").build()));
        FuncOp f = OnnxImporter.importFile(p).mainFunction();
        List<String> ops = f.body().operations().stream().map(Operation::name).toList();
        assertEquals(List.of("onnx.Identity", "onnx.Identity", "func.return"), ops);
        assertEquals("c1/second", f.body().operations().get(1).location().name());
    }
}
