package dev.nnc.frontend;

import static dev.nnc.frontend.Protos.FLOAT;
import static dev.nnc.frontend.Protos.node;
import static dev.nnc.frontend.Protos.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.AttributeProto.AttributeType;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.frontend.proto.Onnx.TypeProto;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.Arity;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer's mapping from ONNX graphs to the onnx dialect, on small graphs built in Java. */
class ImporterTest {
    @TempDir
    Path dir;

    /**
     * The standard registry plus {@code onnx.Probe}: 1..3 inputs, 1..2 outputs, attributes with
     * defaults, and inference that gives result 0 the static shape [7] of operand 0's element type.
     */
    private static final DialectRegistry REGISTRY = registry();

    private static DialectRegistry registry() {
        return TestData.registryWith(new OpSpec("onnx.Probe", List.of(1), new Arity(1, 3), new Arity(1, 2), List.of(
                new AttrSpec("alpha", AttrKind.FLOAT, new Attribute.FloatAttr(0.1), false),
                new AttrSpec("mode", AttrKind.STRING, new Attribute.StringAttr("same"), false),
                new AttrSpec("axes", AttrKind.INTS, null, false), new AttrSpec("i", AttrKind.INT, null, false),
                new AttrSpec("f", AttrKind.FLOAT, null, false), new AttrSpec("ints", AttrKind.INTS, null, false),
                new AttrSpec("floats", AttrKind.FLOATS, null, false), new AttrSpec("strs", AttrKind.STRINGS, null, false),
                new AttrSpec("t", AttrKind.TENSOR, null, false), new AttrSpec("tp", AttrKind.TYPE, null, false),
                new AttrSpec("untyped", AttrKind.INT, null, false), new AttrSpec("body", AttrKind.GRAPH, null, false)), null,
                ctx -> List.of(TensorType.of(((TensorType) ctx.operandType(0)).elementType(), 7)), ctx -> List.of()),
                new OpSpec("onnx.NeedsTo", List.of(1), new Arity(1, 1), new Arity(1, 1),
                List.of(new AttrSpec("to", AttrKind.INT, null, true)), null, null, ctx -> List.of()));
    }

    private FuncOp importGraph(GraphProto.Builder g) {
        return importGraph(g, ImportOptions.defaults());
    }

    private FuncOp importGraph(GraphProto.Builder g, ImportOptions options) {
        Path p = Protos.write(dir, "model.onnx", Protos.model(g));
        return new OnnxImporter(REGISTRY).importModel(p, options).mainFunction();
    }

    private static Operation opNamed(FuncOp f, String name) {
        return f.body().operations().stream().filter(o -> name.equals(o.location().name())).findFirst().orElseThrow();
    }

    @Test
    void defaultsAreFilledInAndSetAttributesKept() {
        AttributeProto mode = AttributeProto.newBuilder().setName("mode").setType(AttributeType.STRING)
                .setS(ByteString.copyFromUtf8("valid")).build();
        FuncOp f = importGraph(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Probe", "p", List.of("x"), List.of("y"), mode)).addOutput(value("y", FLOAT, 7)));
        Operation p = opNamed(f, "p");
        assertEquals(new Attribute.FloatAttr((float) 0.1), p.property("alpha"), "float32, as ONNX float attributes are");
        assertEquals(new Attribute.StringAttr("valid"), p.property("mode"));
        assertNull(p.property("axes"), "no default: stays absent");
    }

    @Test
    void missingRequiredAttribute() {
        Path p = Protos.write(dir, "model.onnx", Protos.model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("NeedsTo", "cast1", List.of("x"), List.of("y"))).addOutput(value("y", FLOAT))));
        NncException e = assertThrows(NncException.class, () -> new OnnxImporter(REGISTRY).importModel(p, ImportOptions.defaults()));
        assertTrue(e.oneLine().contains("node 'cast1'") && e.oneLine().contains("'to'"), e.oneLine());
    }

    @Test
    void everyAttributeKind() {
        TensorProto t = Protos.floats("tv", new long[] {2}, 1, 2);
        TypeProto tp = value("unused", TensorProto.DataType.INT64_VALUE, 3).getType();
        FuncOp f = importGraph(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Probe", "p", List.of("x"), List.of("y"),
                        Protos.intAttr("i", -5),
                        AttributeProto.newBuilder().setName("f").setType(AttributeType.FLOAT).setF(0.1f).build(),
                        AttributeProto.newBuilder().setName("ints").setType(AttributeType.INTS).addInts(1).addInts(2).build(),
                        AttributeProto.newBuilder().setName("floats").setType(AttributeType.FLOATS).addFloats(1.5f).build(),
                        AttributeProto.newBuilder().setName("strs").setType(AttributeType.STRINGS)
                                .addStrings(ByteString.copyFromUtf8("a")).addStrings(ByteString.copyFromUtf8("ü")).build(),
                        AttributeProto.newBuilder().setName("t").setType(AttributeType.TENSOR).setT(t).build(),
                        AttributeProto.newBuilder().setName("tp").setType(AttributeType.TYPE_PROTO).setTp(tp).build(),
                        AttributeProto.newBuilder().setName("untyped").setI(9).build()))
                .addOutput(value("y", FLOAT, 7)));
        Operation p = opNamed(f, "p");
        assertEquals(new Attribute.IntAttr(-5), p.property("i"));
        assertEquals(new Attribute.FloatAttr((double) 0.1f), p.property("f"), "float32 widened exactly");
        assertEquals(Attribute.ints(1, 2), p.property("ints"));
        assertEquals(new Attribute.ArrayAttr(List.of(new Attribute.FloatAttr(1.5))), p.property("floats"));
        assertEquals(new Attribute.ArrayAttr(List.of(new Attribute.StringAttr("a"), new Attribute.StringAttr("ü"))), p.property("strs"));
        Attribute.DenseAttr dense = (Attribute.DenseAttr) p.property("t");
        assertEquals("tv", dense.resourceName());
        assertEquals(TensorType.of(FloatType.F32, 2), dense.value().tensorType());
        assertEquals(new Attribute.TypeAttr(TensorType.of(IntegerType.I64, 3)), p.property("tp"));
        assertEquals(new Attribute.IntAttr(9), p.property("untyped"), "IR version 1 files omit the type");
    }

    @Test
    void subgraphsBecomeRegionsThatReadOuterValues() {
        // body(i) = Identity(outer); the node producing 'outer' comes after its reader in the file
        GraphProto body = GraphProto.newBuilder().addInput(value("i", FLOAT, 2))
                .addNode(node("Identity", "inner", List.of("outer"), List.of("o")))
                .addOutput(value("o", FLOAT, 2)).addOutput(value("i", FLOAT, 2)).build();
        AttributeProto g = AttributeProto.newBuilder().setName("body").setType(AttributeType.GRAPH).setG(body).build();
        FuncOp f = importGraph(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Probe", "loop1", List.of("x"), List.of("y"), g))
                .addNode(node("Identity", "makes_outer", List.of("x"), List.of("outer")))
                .addOutput(value("y", FLOAT, 7)));
        Operation outer = opNamed(f, "makes_outer");
        Operation loop = opNamed(f, "loop1");
        List<Operation> ops = f.body().operations();
        assertTrue(ops.indexOf(outer) < ops.indexOf(loop), "a captured value is defined before its reader");
        assertNull(loop.property("body"), "a graph attribute is a region, not a property");
        assertEquals(1, loop.regions().size());
        var block = loop.region(0).entry();
        assertEquals(1, block.arguments().size());
        assertEquals("i", block.arguments().get(0).nameHint());
        Operation inner = block.operations().get(0);
        assertSame(outer.result(0), inner.operand(0));
        Operation ret = block.terminator();
        assertEquals("func.return", ret.name());
        assertSame(inner.result(0), ret.operand(0));
        assertSame(block.arguments().get(0), ret.operand(1));
    }

    @Test
    void untypedLoopBodyInputsTakeTheTypesOnnxDefines() {
        dev.nnc.frontend.proto.Onnx.ValueInfoProto.Builder untyped = dev.nnc.frontend.proto.Onnx.ValueInfoProto.newBuilder();
        GraphProto body = GraphProto.newBuilder()
                .addInput(untyped.setName("i").build()).addInput(untyped.setName("c").build()).addInput(untyped.setName("v").build())
                .addNode(node("Identity", "keep_going", List.of("c"), List.of("c_out")))
                .addNode(node("Identity", "carry", List.of("v"), List.of("v_out")))
                .addOutput(untyped.setName("c_out").build()).addOutput(untyped.setName("v_out").build()).build();
        AttributeProto g = AttributeProto.newBuilder().setName("body").setType(AttributeType.GRAPH).setG(body).build();
        org.junit.jupiter.api.Assumptions.assumeTrue(DialectRegistry.standard().lookup("onnx.Loop").isPresent(), "no Loop spec");
        FuncOp f = importGraph(GraphProto.newBuilder().addInput(value("x", FLOAT, 1))
                .addInitializer(TensorProto.newBuilder().setName("trips").setDataType(TensorProto.DataType.INT64_VALUE).addInt64Data(3))
                .addNode(node("Loop", "loop", List.of("trips", "", "x"), List.of("y"), g))
                .addOutput(value("y", FLOAT, 1)));
        var args = opNamed(f, "loop").region(0).entry().arguments();
        assertEquals(List.of(TensorType.of(IntegerType.I64), TensorType.of(dev.nnc.ir.type.BoolType.I1), TensorType.of(FloatType.F32, 1)),
                args.stream().map(dev.nnc.ir.core.Value::type).toList());
    }

    @Test
    void listOfSubgraphsIsRefusedNamingTheNode() {
        AttributeProto g = AttributeProto.newBuilder().setName("bodies").setType(AttributeType.GRAPHS)
                .addGraphs(GraphProto.newBuilder().setName("inner")).build();
        Path p = Protos.write(dir, "model.onnx", Protos.model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Probe", "multi", List.of("x"), List.of("y"), g)).addOutput(value("y", FLOAT, 7))));
        NncException e = assertThrows(NncException.class, () -> new OnnxImporter(REGISTRY).importModel(p, ImportOptions.defaults()));
        assertTrue(e.oneLine().contains("node 'multi'") && e.oneLine().contains("'bodies'"), e.oneLine());
    }

    @Test
    void unsupportedOpsInsideSubgraphsAreListed() {
        GraphProto body = GraphProto.newBuilder().addNode(node("Nope", "deep", List.of("x"), List.of("o")))
                .addOutput(value("o", FLOAT, 2)).build();
        AttributeProto g = AttributeProto.newBuilder().setName("body").setType(AttributeType.GRAPH).setG(body).build();
        Path p = Protos.write(dir, "model.onnx", Protos.model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Probe", "p", List.of("x"), List.of("y"), g)).addOutput(value("y", FLOAT, 7))));
        NncException e = assertThrows(NncException.class, () -> new OnnxImporter(REGISTRY).importModel(p, ImportOptions.defaults()));
        assertTrue(e.oneLine().endsWith("unsupported ops: Nope (node deep)"), e.oneLine());
    }

    @Test
    void initializersBecomeConstantsAndAreNotInputs() {
        FuncOp f = importGraph(GraphProto.newBuilder()
                .addInput(value("x", FLOAT, 2)).addInput(value("w", FLOAT, 2))
                .addInitializer(Protos.floats("w", new long[] {2}, 3, 4))
                .addNode(node("Probe", "p", List.of("x", "w"), List.of("y")))
                .addOutput(value("y", FLOAT, 7)).addOutput(value("w", FLOAT, 2)).addOutput(value("x", FLOAT, 2)));
        assertEquals(List.of("x"), f.inputNames());
        Operation c = f.body().operations().get(0);
        assertEquals("onnx.Constant", c.name());
        assertEquals("w", c.location().name());
        assertEquals("w", c.result(0).nameHint());
        Attribute.DenseAttr v = (Attribute.DenseAttr) c.property("value");
        assertEquals("w", v.resourceName());
        assertEquals(List.of(3.0, 4.0), List.of(v.value().doubles()[0], v.value().doubles()[1]));
        assertSame(c.result(0), opNamed(f, "p").operand(1));
        assertEquals(List.of("y", "w", "x"), f.outputNames());
        assertSame(c.result(0), f.outputs().get(1), "an initializer can be an output directly");
        assertSame(f.arguments().get(0), f.outputs().get(2), "so can an input");
    }

    @Test
    void externalInitializerBesideTheModel() throws Exception {
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f);
        Protos.write(dir.resolve("weights/w.bin"), data.array());
        TensorProto.Builder w = TensorProto.newBuilder().setName("w").setDataType(FLOAT).addDims(2)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL);
        w.addExternalDataBuilder().setKey("location").setValue("weights/w.bin");
        FuncOp f = importGraph(GraphProto.newBuilder().addInitializer(w).addOutput(value("w", FLOAT, 2)));
        Attribute.DenseAttr v = (Attribute.DenseAttr) f.body().operations().get(0).property("value");
        assertEquals(List.of(1.5, -2.0), List.of(v.value().doubles()[0], v.value().doubles()[1]));
    }

    @Test
    void symbolicDimsAndInputShapeOverride() {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", FLOAT, "batch", 3, null))
                .addNode(node("Identity", "id", List.of("x"), List.of("y"))).addOutput(value("y", FLOAT, "batch", 3, null));
        FuncOp f = importGraph(g);
        TensorType t = (TensorType) f.arguments().get(0).type();
        assertEquals(List.of(new Dim.Symbolic("batch"), new Dim.Known(3), new Dim.Symbolic("")), t.dims());
        FuncOp fixed = importGraph(g, ImportOptions.defaults().withInputShape("x=2x3x5"));
        assertEquals(TensorType.of(FloatType.F32, 2, 3, 5), fixed.arguments().get(0).type());
        NncException e = assertThrows(NncException.class, () -> importGraph(g, ImportOptions.defaults().withInputShape("x=2x4x5")));
        assertTrue(e.oneLine().contains("dimension 1"), e.oneLine());
    }

    @Test
    void nodesOutOfOrderAreSorted() {
        FuncOp f = importGraph(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Identity", "second", List.of("a"), List.of("y")))
                .addNode(node("Identity", "first", List.of("x"), List.of("a")))
                .addOutput(value("y", FLOAT, 2)));
        List<String> order = f.body().operations().stream().map(o -> String.valueOf(o.location().name())).toList();
        assertEquals(List.of("first", "second", "null"), order);
    }

    @Test
    void emptyInputsShareOneNoValueAndTrailingOnesAreDropped() {
        FuncOp f = importGraph(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Probe", "", List.of("x", "", "x"), List.of("a")))
                .addNode(node("Probe", "", List.of("a", "", "a"), List.of("b")))
                .addNode(node("Probe", "", List.of("b", "", ""), List.of("y", "")))
                .addOutput(value("y", FLOAT, 7)));
        List<Operation> none = f.body().operations().stream().filter(o -> o.name().equals("onnx.NoValue")).toList();
        assertEquals(1, none.size());
        assertEquals(NoneType.NONE, none.get(0).result(0).type());
        Operation p0 = opNamed(f, "Probe_0");
        Operation p1 = opNamed(f, "Probe_1");
        assertSame(none.get(0).result(0), p0.operand(1));
        assertSame(none.get(0).result(0), p1.operand(1));
        Operation p2 = opNamed(f, "Probe_2");
        assertEquals(1, p2.numOperands());
        assertEquals(1, p2.numResults());
    }

    @Test
    void resultTypesFromDeclarationsInferenceAndFallback() {
        FuncOp f = importGraph(GraphProto.newBuilder().addInput(value("x", TensorProto.DataType.INT32_VALUE, 2))
                .addNode(node("Probe", "inferred", List.of("x"), List.of("a")))
                .addNode(node("Probe", "sharpened", List.of("a"), List.of("b")))
                .addNode(node("Probe", "declared", List.of("b"), List.of("c", "d")))
                .addValueInfo(value("b", TensorProto.DataType.INT32_VALUE, "n"))
                .addValueInfo(value("c", TensorProto.DataType.INT32_VALUE, 7))
                .addOutput(value("c", TensorProto.DataType.INT32_VALUE, 7)).addOutput(value("d", 0)));
        assertEquals(TensorType.of(IntegerType.I32, 7), opNamed(f, "inferred").result(0).type());
        assertEquals(TensorType.of(IntegerType.I32, 7), opNamed(f, "sharpened").result(0).type(),
                "a declared symbolic dim yields to an inferred size");
        Operation d = opNamed(f, "declared");
        assertEquals(TensorType.of(IntegerType.I32, 7), d.result(0).type());
        Type second = d.result(1).type();
        assertEquals(TensorType.unranked(IntegerType.I32), second, "fallback: unranked, first operand's element type");
        assertEquals("d", d.result(1).nameHint());
    }

    @Test
    void declarationContradictingInferenceIsAnError() {
        NncException e = assertThrows(NncException.class, () -> importGraph(GraphProto.newBuilder()
                .addInput(value("x", TensorProto.DataType.INT32_VALUE, 2))
                .addNode(node("Probe", "declared", List.of("x"), List.of("c")))
                .addOutput(value("c", TensorProto.DataType.INT32_VALUE, 9))));
        assertTrue(e.oneLine().contains("node 'declared': onnx.Probe result 0 'c' is declared tensor<9xi32> in the model"
                + " but the op produces tensor<7xi32>"), e.oneLine());
    }

    @Test
    void qonnxDomainsMapOntoTheOnnxDialect() {
        for (String domain : List.of("qonnx.custom_op.general", "onnx.brevitas", "finn.custom_op.general")) {
            FuncOp f = importGraph(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                    .addNode(node("Probe", "q", List.of("x"), List.of("y")).toBuilder().setDomain(domain))
                    .addOutput(value("y", FLOAT, 7)));
            assertEquals("onnx.Probe", opNamed(f, "q").name(), domain);
        }
    }

    @Test
    void longListsOfUnsupportedNodesAreShortened() {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", FLOAT, 2));
        String prev = "x";
        for (int i = 0; i < 6; i++) {
            g.addNode(node("Nope", "n" + i, List.of(prev), List.of("v" + i)));
            prev = "v" + i;
        }
        Path p = Protos.write(dir, "model.onnx", Protos.model(g.addOutput(value(prev, FLOAT))));
        NncException e = assertThrows(NncException.class, () -> new OnnxImporter(REGISTRY).importModel(p, ImportOptions.defaults()));
        assertTrue(e.oneLine().endsWith("unsupported ops: Nope (nodes n0, n1, n2 and 3 more)"), e.oneLine());
    }

    @Test
    void moduleRecordsTheDefaultOpset() {
        Path p = Protos.write(dir, "model.onnx", Protos.model(GraphProto.newBuilder().addInput(value("x", FLOAT, 2))
                .addNode(node("Identity", "i", List.of("x"), List.of("y"))).addOutput(value("y", FLOAT, 2))));
        ModuleOp m = new OnnxImporter(REGISTRY).importModel(p, ImportOptions.defaults());
        assertEquals(21, m.opset());
        assertEquals("main", m.mainFunction().symName());
    }
}
