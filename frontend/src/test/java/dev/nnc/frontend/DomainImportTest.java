package dev.nnc.frontend;

import static dev.nnc.frontend.Protos.FLOAT;
import static dev.nnc.frontend.Protos.node;
import static dev.nnc.frontend.Protos.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.ModelProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.frontend.proto.Onnx.OperatorSetIdProto;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Opsets;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.RegionAttrs;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.text.StructuralEquality;
import dev.nnc.ir.type.FloatType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes of the ai.onnx.* domains: names, per-domain opsets, named optional regions, print/parse and export. */
class DomainImportTest {
    @TempDir
    Path dir;

    /** x → ai.onnx.ml Binarizer → ai.onnx.preview FlexAttention(b, b, b) with prob_mod = Neg. */
    private static ModelProto model() {
        GraphProto probMod = GraphProto.newBuilder().setName("prob_mod").addInput(value("p", FLOAT))
                .addNode(node("Neg", "neg", List.of("p"), List.of("q"))).addOutput(value("q", FLOAT)).build();
        NodeProto bin = node("Binarizer", "bin", List.of("x"), List.of("b")).toBuilder().setDomain("ai.onnx.ml").build();
        NodeProto flex = node("FlexAttention", "flex", List.of("b", "b", "b"), List.of("y"),
                AttributeProto.newBuilder().setName("prob_mod").setType(AttributeProto.AttributeType.GRAPH).setG(probMod).build())
                .toBuilder().setDomain("ai.onnx.preview").build();
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", FLOAT, 1, 1, 2, 2))
                .addNode(bin).addNode(flex).addOutput(value("y", FLOAT, 1, 1, 2, 2));
        return Protos.model(g).toBuilder()
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(2))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("ai.onnx.preview").setVersion(1)).build();
    }

    private static Operation op(ModuleOp m, String loc) {
        return m.mainFunction().body().operations().stream().filter(o -> loc.equals(o.location().name())).findFirst().orElseThrow();
    }

    @Test
    void domainsBecomeOpNamesAndOpsetImports() {
        ModuleOp m = OnnxImporter.importFile(Protos.write(dir, "m.onnx", model()));
        assertEquals("onnx.ml.Binarizer", op(m, "bin").name());
        Operation flex = op(m, "flex");
        assertEquals("onnx.preview.FlexAttention", flex.name());
        assertEquals(new Attribute.ArrayAttr(List.of(new Attribute.StringAttr("prob_mod"))), flex.property(RegionAttrs.PROPERTY));
        assertEquals(new Opsets(21, Map.of("ai.onnx.ml", 2, "ai.onnx.preview", 1)), m.opsets());

        // ones everywhere: equal scores, probabilities 0.5, negated by prob_mod, times V = 1 → -1
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {1, 1, 2, 2}, new double[] {3, 3, 3, 3});
        Tensor y = new Interpreter().run(m, Map.of("x", x)).get("y");
        assertArrayEquals(new double[] {-1, -1, -1, -1}, y.toDoubles(), 1e-6);
    }

    @Test
    void printsParsesAndExportsBack() {
        ModuleOp m = OnnxImporter.importFile(Protos.write(dir, "m.onnx", model()));
        String text = IrPrinter.print(m);
        assertTrue(text.contains("\"onnx.ml.Binarizer\""), text);
        ModuleOp back = IrParser.parse(text, "m.mlir");
        assertNull(StructuralEquality.describeDifference(m, back));
        assertEquals(text, IrPrinter.print(back));

        Path out = dir.resolve("out.onnx");
        OnnxExporter.exportFile(back, out);
        ModuleOp again = OnnxImporter.importFile(out);
        assertEquals(m.opsets(), again.opsets());
        assertEquals("onnx.preview.FlexAttention", op(again, "flex").name());
        assertEquals(flex(m).property(RegionAttrs.PROPERTY), flex(again).property(RegionAttrs.PROPERTY));
    }

    private static Operation flex(ModuleOp m) {
        return op(m, "flex");
    }

    @Test
    void otherDomainsAreUnsupported() {
        ModelProto p = Protos.model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("FusedConv", "f", List.of("x"), List.of("y")).toBuilder().setDomain("com.microsoft"))
                .addNode(node("Nope", "n", List.of("y"), List.of("z")).toBuilder().setDomain("ai.onnx.ml"))
                .addOutput(value("z", FLOAT)));
        NncException e = assertThrows(NncException.class, () -> OnnxImporter.importFile(Protos.write(dir, "bad.onnx", p)));
        assertTrue(e.oneLine().endsWith("unsupported ops: com.microsoft.FusedConv (node f), ai.onnx.ml.Nope (node n)"), e.oneLine());
    }
}
