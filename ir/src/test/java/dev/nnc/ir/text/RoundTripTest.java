package dev.nnc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.StringType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundTripTest {
    static final List<ElementType> ELEMENT_TYPES = List.of(FloatType.F16, FloatType.BF16, FloatType.F32, FloatType.F64,
            FloatType.F8E4M3FN, FloatType.F8E4M3FNUZ, FloatType.F8E5M2, FloatType.F8E5M2FNUZ, FloatType.F4E2M1FN,
            FloatType.F8E8M0FNU,
            IntegerType.I8, IntegerType.I16, IntegerType.I32, IntegerType.I64, IntegerType.U8, IntegerType.U16,
            IntegerType.U32, IntegerType.U64, new IntegerType(2, true), new IntegerType(4, false), BoolType.I1,
            StringType.STR, new FixedType(16, 6, true), new FixedType(8, 0, false), new FixedType(12, -3, true),
            new FixedType(64, 70, true));

    @Test
    void everyElementTypeAndShapeKind() {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(m, "main");
        List<Value> outs = new ArrayList<>();
        for (ElementType e : ELEMENT_TYPES) {
            outs.add(f.addInput("ranked_" + e.spelling(), TensorType.of(e, 2, 3)));
            outs.add(f.addInput("scalar_" + e.spelling(), TensorType.of(e)));
            outs.add(f.addInput("unranked_" + e.spelling(), TensorType.unranked(e)));
        }
        outs.add(f.addInput("symbolic", new TensorType(FloatType.F32,
                List.of(Dim.symbol("batch"), Dim.symbol(null), Dim.of(0), Dim.symbol("we\"ird x\n"), Dim.of(4_000_000_000L)))));
        outs.add(f.addInput("absent", NoneType.NONE));
        outs.add(f.addInput("bare_element", FloatType.F32));
        outs.add(f.addInput("bare_fixed", new FixedType(8, 3, false)));
        f.setOutputs(outs, outs.stream().map(v -> "o_" + v.nameHint()).toList());
        String text = RoundTrip.check(m);
        assertTrue(text.contains("%symbolic: tensor<?\"batch\"x?x0x?\"we\\\"ird x\\0a\"x4000000000xf32>"), text);
        assertTrue(text.contains("%unranked_fixed_16_6_: tensor<*xfixed<16,6>>"), text);
        assertTrue(text.contains("%scalar_u4: tensor<u4>"), text);
        assertTrue(text.contains("%bare_fixed: ufixed<8,3>"), text);
        for (String s : List.of("f8E4M3FN", "f8E4M3FNUZ", "f8E5M2", "f8E5M2FNUZ", "f4E2M1FN", "f8E8M0FNU")) {
            assertTrue(text.contains("%ranked_" + s + ": tensor<2x3x" + s + ">"), s + " in\n" + text);
            assertTrue(text.contains("%scalar_" + s + ": tensor<" + s + ">"), s + " in\n" + text);
        }
    }

    @Test
    void sequenceAndOptionalTypes() {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(m, "main");
        Value seq = f.addInput("seq", new SequenceType(TensorType.unranked(FloatType.F32)));
        Value opt = f.addInput("opt", new OptionalType(TensorType.of(FloatType.F32, 2)));
        Value optSeq = f.addInput("opt_seq", new OptionalType(new SequenceType(
                new TensorType(IntegerType.I64, List.of(Dim.symbol("n"), Dim.of(3))))));
        Value seqSeq = f.addInput("seq_seq", new SequenceType(new SequenceType(TensorType.of(StringType.STR))));
        Operation empty = IrSamples.append(f, "onnx.Optional", List.of(), new OptionalType(TensorType.unranked(BoolType.I1)),
                Map.of("type", new Attribute.TypeAttr(new SequenceType(TensorType.of(BoolType.I1, 1)))), "opt");
        f.setOutputs(List.of(seq, opt, optSeq, seqSeq, empty.result(0)), List.of("a", "b", "c", "d", "e"));
        String text = RoundTrip.check(m);
        assertTrue(text.contains("%seq: !onnx.Seq<tensor<*xf32>>"), text);
        assertTrue(text.contains("%opt: !onnx.Opt<tensor<2xf32>>"), text);
        assertTrue(text.contains("%opt_seq: !onnx.Opt<!onnx.Seq<tensor<?\"n\"x3xi64>>>"), text);
        assertTrue(text.contains("%seq_seq: !onnx.Seq<!onnx.Seq<tensor<str>>>"), text);
        assertTrue(text.contains("type = !onnx.Seq<tensor<1xi1>>"), text);
        assertEquals("!onnx.Opt<!onnx.Seq<tensor<*xf32>>>",
                new OptionalType(new SequenceType(TensorType.unranked(FloatType.F32))).toString());
    }

    @Test
    void smallAndLargeConstantsOfEveryType() {
        for (int n : new int[] {0, 1, 5, 16, 17, 40}) {
            ModuleOp m = ModuleOp.create();
            FuncOp f = FuncOp.create(m, "main");
            List<Value> outs = new ArrayList<>();
            for (ElementType e : ELEMENT_TYPES) {
                outs.add(IrSamples.constant(f, "c_" + e.spelling(), "node " + e.spelling(), TensorSamples.of(e, n)));
            }
            f.setOutputs(outs, outs.stream().map(Value::nameHint).toList());
            String text = RoundTrip.check(m);
            assertEquals(n > 16, text.contains("dense_resource<"), text);
            assertTrue(text.contains("dense<[") || n > 16, text);
        }
    }

    @Test
    void specialFloatsInlineAndInResources() {
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1e-300,
            Double.MIN_VALUE, Double.MAX_VALUE, 0.1, -1.5e10, 65504, 6e-8, 1.0 / 3};
        for (FloatType ft : FloatType.values()) {
            for (int copies : new int[] {1, 2}) {
                ModuleOp m = ModuleOp.create();
                FuncOp f = FuncOp.create(m, "main");
                double[] v = new double[special.length * copies];
                for (int i = 0; i < v.length; i++) {
                    v[i] = special[i % special.length];
                }
                Value c = IrSamples.constant(f, "k", null, Tensor.ofDoubles(ft, new int[] {v.length}, v));
                f.setOutputs(List.of(c), List.of("k"));
                String text = RoundTrip.check(m);
                if (copies == 1 && (ft.mini() == null || ft == FloatType.F8E5M2)) {
                    assertTrue(text.contains("[nan, inf, -inf, -0.0, 0.0, "), text);
                } else if (copies == 1 && ft == FloatType.F8E4M3FN) {
                    // no infinities: they overflow to NaN
                    assertTrue(text.contains("[nan, nan, nan, -0.0, 0.0, "), text);
                } else if (copies == 1 && ft == FloatType.F4E2M1FN) {
                    // no NaN nor infinity: NaN is the -0 pattern, the rest saturates
                    assertTrue(text.contains("[-0.0, 6.0, -6.0, -0.0, 0.0, "), text);
                }
            }
        }
    }

    @Test
    void attributesOfEveryKind() {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(m, "main");
        Value x = f.addInput("x", TensorType.of(FloatType.F32, 2));
        Map<String, Attribute> props = new java.util.TreeMap<>();
        props.put("int", Attribute.of(-7));
        props.put("min", Attribute.of(Long.MIN_VALUE));
        props.put("max", Attribute.of(Long.MAX_VALUE));
        props.put("float_int_valued", Attribute.of(2.0));
        props.put("float_tiny", Attribute.of(Double.MIN_VALUE));
        props.put("float_f32", Attribute.of((double) 0.1f));
        props.put("float_nan", Attribute.of(Double.NaN));
        props.put("float_neg_inf", Attribute.of(Double.NEGATIVE_INFINITY));
        props.put("float_neg_zero", Attribute.of(-0.0));
        props.put("str", Attribute.of("quote \" backslash \\ newline \n tab \t é 中文 😀"));
        props.put("empty_str", Attribute.of(""));
        props.put("ints", Attribute.ints(1, -2, 3));
        props.put("empty", new Attribute.ArrayAttr(List.of()));
        props.put("nested", new Attribute.ArrayAttr(List.of(Attribute.ints(1, 2), new Attribute.ArrayAttr(List.of(
                Attribute.of("a"), Attribute.of(1.5), new Attribute.UnitAttr(), new Attribute.TypeAttr(IntegerType.U8))))));
        props.put("type", new Attribute.TypeAttr(TensorType.of(new FixedType(8, 2, true), 3)));
        props.put("elem_type", new Attribute.TypeAttr(FloatType.BF16));
        props.put("none_type", new Attribute.TypeAttr(NoneType.NONE));
        props.put("unit", new Attribute.UnitAttr());
        props.put("weird key/with:chars", Attribute.of(1));
        props.put("f32", Attribute.of(2));
        props.put("nan", Attribute.of(3));
        props.put("strings", new Attribute.ArrayAttr(List.of(Attribute.of("a,b"), Attribute.of("]"))));
        props.put("dense_scalar", new Attribute.DenseAttr(Tensor.scalar(IntegerType.I64, 42)));
        props.put("dense_strings", new Attribute.DenseAttr(Tensor.ofStrings(new int[] {2, 2},
                new String[] {"", "a\"b", "line\nbreak", "ü"})));
        Operation op = IrSamples.append(f, "onnx.Identity", List.of(x), x.type(), props, "id \"node\"\n2");
        op.attributes().put("discardable", Attribute.of("yes"));
        op.attributes().put("hint.score", Attribute.of(0.25));
        f.setOutputs(List.of(op.result(0)), List.of("y"));
        String text = RoundTrip.check(m);
        assertTrue(text.contains("float_int_valued = 2.0,"), text);
        assertTrue(text.contains("int = -7,"), text);
        assertTrue(text.contains("\"weird key/with:chars\" = 1"), text);
        assertTrue(text.contains(" {discardable = \"yes\", hint.score = 0.25} : "), text);
        assertTrue(text.contains("float_neg_zero = -0.0"), text);
    }

    @Test
    void weirdValueNamesStayDistinct() {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(m, "main");
        TensorType t = TensorType.of(FloatType.F32, 1);
        Value x = f.addInput("conv1/weights:0", t);
        Value prev = x;
        String[] hints = {"123", "x", "x", "x_1", null, "", "7", null, "-dash", "a.b$c", "名字", "conv1_weights_0", "0"};
        for (String h : hints) {
            Operation op = IrSamples.append(f, "onnx.Identity", List.of(prev), t, Map.of(), h);
            op.result(0).setNameHint(h);
            prev = op.result(0);
        }
        f.setOutputs(List.of(prev), List.of("out"));
        String text = RoundTrip.check(m);
        for (String name : List.of("%conv1_weights_0:", "%_123 =", "%x =", "%x_1 =", "%x_1_1 =", "%0 =", "%1 =", "%_7 =",
                "%2 =", "%-dash =", "%a.b$c =", "%__ =", "%conv1_weights_0_1 =", "%_0 =")) {
            assertTrue(text.contains(name), name + " missing in\n" + text);
        }
    }

    @Test
    void multipleResultsRegionsAndBlocks() {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(m, "main");
        TensorType t = TensorType.of(IntegerType.I32, 3);
        Value x = f.addInput("x", t);
        Operation split = f.body().append(Operation.create("test.split", List.of(x), List.of(t, t, NoneType.NONE),
                Map.of(), Location.named("s")));
        split.result(0).setNameHint("a");
        split.result(1).setNameHint("b");
        Operation loop = f.body().append(Operation.create("test.loop", List.of(split.result(0)), List.of(t), Map.of(),
                Location.UNKNOWN));
        Block body = loop.addRegion().addBlock();
        Value iter = body.addArgument(t, "iter");
        Operation add = body.append(Operation.create("test.add", List.of(iter, split.result(1)), List.of(t), Map.of(),
                Location.UNKNOWN));
        body.append(Operation.create("test.yield", List.of(add.result(0)), List.of(), Map.of(), Location.UNKNOWN));
        Block second = loop.region(0).addBlock();
        second.append(Operation.create("test.yield", List.of(x), List.of(), Map.of(), Location.UNKNOWN));
        loop.region(0).addBlock();
        loop.addRegion();
        Block noArgs = loop.addRegion().addBlock();
        noArgs.append(Operation.create("test.yield", List.of(split.result(2)), List.of(), Map.of(), Location.UNKNOWN));
        loop.attributes().put("tag", Attribute.of(1));
        f.setOutputs(List.of(loop.result(0), split.result(1)), List.of("r", "b"));
        String text = RoundTrip.check(m);
        assertTrue(text.contains("%a, %b, %0 = \"test.split\"(%x) : (tensor<3xi32>) -> (tensor<3xi32>, tensor<3xi32>, none) loc(\"s\")"), text);
        assertTrue(text.contains("  ^bb1:\n      \"test.yield\"(%x)"), text);
        assertTrue(text.contains("  ^bb2:\n    }, {\n    }, {\n      \"test.yield\"(%0)"), text);
        assertTrue(text.contains("}) {tag = 1} : (tensor<3xi32>) -> tensor<3xi32>"), text);
    }

    @Test
    void emptyModuleAndTwoFunctionsWithSameNames() {
        RoundTrip.check(ModuleOp.create());
        ModuleOp m = ModuleOp.create();
        for (String name : List.of("f", "g")) {
            FuncOp f = FuncOp.create(m, name);
            Value x = f.addInput("x", TensorType.of(FloatType.F32, 1));
            f.setOutputs(List.of(x), List.of("x"));
        }
        String text = RoundTrip.check(m);
        assertEquals(2, text.split("\\^bb0\\(%x: ").length - 1, text);
    }

    @Test
    void sharedConstantIsWrittenOnceAndStaysShared() {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(m, "main");
        Attribute.DenseAttr big = new Attribute.DenseAttr(TensorSamples.of(FloatType.F32, 20));
        Attribute.DenseAttr other = new Attribute.DenseAttr(TensorSamples.of(IntegerType.I8, 20), "w");
        Operation a = IrSamples.append(f, "onnx.Constant", List.of(), big.value().tensorType(), Map.of("value", big), "w");
        Operation b = IrSamples.append(f, "onnx.Constant", List.of(), big.value().tensorType(), Map.of("value", big), "w2");
        Operation c = IrSamples.append(f, "onnx.Constant", List.of(), other.value().tensorType(), Map.of("value", other), null);
        f.setOutputs(List.of(a.result(0), b.result(0), c.result(0)), List.of("a", "b", "c"));
        String text = RoundTrip.check(m);
        assertEquals(2, text.split("dense_resource<w>").length - 1, text);
        assertTrue(text.contains("dense_resource<w_1> : tensor<20xi8>"), text);
        Operation main = IrParser.parse(text, "t").mainFunction().body().operations().get(0);
        Operation next = main.parent().operations().get(1);
        assertSame(main.property("value"), next.property("value"));
    }

    @Test
    void commentsAndPositionsAreAccepted() {
        String text = """
                // a leading comment
                "builtin.module"() ({  // trailing comment
                  "func.func"() <{sym_name = "main"}> ({
                  ^bb0(%x: tensor<2xf32>):
                    %y = "onnx.Identity"(%x) : (tensor<2xf32>) -> tensor<2xf32> loc("id")
                    "func.return"(%y) : (tensor<2xf32>) -> ()
                  }) : () -> ()
                }) : () -> ()
                """;
        ModuleOp m = IrParser.parse(text, "in.nnc");
        Operation id = m.mainFunction().body().operations().get(0);
        assertEquals(new Location("id", "in.nnc", 5, 5), id.location());
        assertEquals("x", m.mainFunction().arguments().get(0).nameHint());
        assertNotNull(id.result(0).nameHint());
        assertEquals(List.of(), m.functions().get(0).inputNames().subList(0, 0));
        Type t = id.result(0).type();
        assertEquals(TensorType.of(FloatType.F32, 2), t);
    }
}
