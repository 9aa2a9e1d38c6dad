package dev.nnc.ir.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.Arity;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.Dialect;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static final TensorType F32 = TensorType.of(FloatType.F32, 2);

    /** builtin, func, onnx plus a test dialect {@code t} with one op per attribute kind and a custom verifier. */
    private static DialectRegistry registry() {
        DialectRegistry r = new DialectRegistry();
        BuiltinDialect.all().forEach(r::add);
        r.add(DialectRegistry.standard().dialects().get("onnx"));
        Dialect t = new Dialect("t");
        List<AttrSpec> kinds = List.of(new AttrSpec("i", AttrKind.INT, null, true),
                new AttrSpec("f", AttrKind.FLOAT, null, false), new AttrSpec("s", AttrKind.STRING, null, false),
                new AttrSpec("is", AttrKind.INTS, null, false), new AttrSpec("fs", AttrKind.FLOATS, null, false),
                new AttrSpec("ss", AttrKind.STRINGS, null, false), new AttrSpec("tensor", AttrKind.TENSOR, null, false),
                new AttrSpec("type", AttrKind.TYPE, null, false), new AttrSpec("g", AttrKind.GRAPH, null, false));
        t.register(new OpSpec("t.attrs", List.of(1), new Arity(0, 0), new Arity(0, 0), kinds, null, null, null));
        t.register(new OpSpec("t.f32only", List.of(1), new Arity(1, 2), new Arity(1, 1), List.of(), (op, error) -> {
            if (!((TensorType) op.operand(0).type()).elementType().equals(FloatType.F32)) {
                error.accept("operand must be f32");
            }
        }, null, null));
        t.register(new OpSpec("t.region", List.of(1), new Arity(0, -1), new Arity(0, -1), List.of(), null, null, null));
        r.add(t);
        return r;
    }

    private static List<Diagnostic> verify(ModuleOp m) {
        return Verifier.verify(m.op(), registry());
    }

    private static Operation add(Block b, String name, List<Value> operands, List<Type> results,
                                 Map<String, Attribute> props, String loc) {
        return b.append(Operation.create(name, operands, results, props, Location.named(loc)));
    }

    /** A module whose main function returns Identity(x). */
    private static ModuleOp identity() {
        ModuleOp m = ModuleOp.create();
        m.setOpset(13);
        FuncOp f = FuncOp.create(m, "main");
        Value x = f.addInput("x", F32);
        Operation id = add(f.body(), "onnx.Identity", List.of(x), List.of(F32), Map.of(), "id");
        f.setOutputs(List.of(id.result(0)), List.of("y"));
        return m;
    }

    private static void assertOneError(ModuleOp m, String message, String locName) {
        List<Diagnostic> ds = verify(m);
        assertEquals(1, ds.size(), ds.toString());
        assertEquals(Diagnostic.Severity.ERROR, ds.get(0).severity());
        assertEquals(message, ds.get(0).message());
        assertEquals(locName, ds.get(0).location().name());
    }

    @Test
    void validModuleHasNoDiagnostics() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        Operation none = f.body().insertBefore(f.returnOp(), Operation.create("onnx.NoValue", List.of(), List.of(NoneType.NONE),
                Map.of(), Location.UNKNOWN));
        f.body().insertBefore(f.returnOp(), Operation.create("onnx.Constant", List.of(), List.of(F32),
                Map.of("value", new Attribute.DenseAttr(Tensor.zeros(FloatType.F32, new int[] {2}))), Location.UNKNOWN));
        assertTrue(none.result(0).type() instanceof NoneType);
        assertEquals(List.of(), verify(m));
        assertEquals(List.of(), Verifier.verify(m, DialectRegistry.standard()));
    }

    @Test
    void unknownOp() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        f.body().insertBefore(f.returnOp(), Operation.create("onnx.NoSuchOp", List.of(), List.of(), Map.of(), Location.named("n1")));
        assertOneError(m, "onnx.NoSuchOp: unknown op (no dialect registers it)", "n1");
    }

    @Test
    void operandAndResultCounts() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        Value x = f.arguments().get(0);
        f.body().insertBefore(f.returnOp(), Operation.create("onnx.Identity", List.of(x, x), List.of(F32, F32), Map.of(),
                Location.named("bad")));
        List<Diagnostic> ds = verify(m);
        assertEquals(List.of("onnx.Identity: expects 1 operands, got 2", "onnx.Identity: expects 1 results, got 2"),
                ds.stream().map(Diagnostic::message).toList());
        assertEquals("bad", ds.get(1).location().name());
    }

    @Test
    void requiredAttributeAndEveryKind() {
        ModuleOp ok = ModuleOp.create();
        add(ok.body(), "t.attrs", List.of(), List.of(), Map.of("i", Attribute.of(1), "f", Attribute.of(1.0),
                "s", Attribute.of("s"), "is", Attribute.ints(1, 2), "fs", new Attribute.ArrayAttr(List.of(Attribute.of(0.5))),
                "ss", new Attribute.ArrayAttr(List.of(Attribute.of("a"))), "tensor", new Attribute.DenseAttr(Tensor.scalar(IntegerType.I8, 3)),
                "type", new Attribute.TypeAttr(FloatType.F16)), "ok");
        assertEquals(List.of(), verify(ok));

        ModuleOp missing = ModuleOp.create();
        add(missing.body(), "t.attrs", List.of(), List.of(), Map.of(), "m");
        assertOneError(missing, "t.attrs: needs attribute 'i'", "m");

        ModuleOp bad = ModuleOp.create();
        add(bad.body(), "t.attrs", List.of(), List.of(), Map.of("i", Attribute.of("1"), "f", Attribute.of(1),
                "s", Attribute.of(2), "is", new Attribute.ArrayAttr(List.of(Attribute.of(1), Attribute.of("x"))),
                "fs", Attribute.ints(1), "ss", Attribute.of("a"), "tensor", Attribute.of(3),
                "type", Attribute.of("f32"), "g", new Attribute.UnitAttr()), "b");
        List<String> messages = verify(bad).stream().map(Diagnostic::message).toList();
        assertEquals(List.of(
                "t.attrs: attribute 'i' must be an integer, got a string",
                "t.attrs: attribute 'f' must be a float, got an integer",
                "t.attrs: attribute 's' must be a string, got an integer",
                "t.attrs: attribute 'is' must be a list of integers, got a list whose first element is an integer",
                "t.attrs: attribute 'fs' must be a list of floats, got a list whose first element is an integer",
                "t.attrs: attribute 'ss' must be a list of strings, got a string",
                "t.attrs: attribute 'tensor' must be a dense tensor, got an integer",
                "t.attrs: attribute 'type' must be a type, got a string",
                "t.attrs: graph attribute 'g' must be a region, not a property"), messages);
    }

    @Test
    void useBeforeDefinition() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        Operation id = f.body().operations().get(0);
        Operation late = f.body().insertBefore(f.returnOp(), Operation.create("onnx.Identity", List.of(f.arguments().get(0)),
                List.of(F32), Map.of(), Location.UNKNOWN));
        late.result(0).setNameHint("late");
        id.setOperand(0, late.result(0));
        assertOneError(m, "onnx.Identity: operand #0 'late' is used before its definition", "id");
    }

    @Test
    void ownResultAndValueFromAnotherFunction() {
        ModuleOp m = identity();
        Operation id = m.mainFunction().body().operations().get(0);
        id.setOperand(0, id.result(0));
        assertOneError(m, "onnx.Identity: operand #0 (result 0 of onnx.Identity 'id') is a result of this op itself", "id");

        ModuleOp two = identity();
        FuncOp g = FuncOp.create(two, "g");
        Value foreign = two.mainFunction().arguments().get(0);
        Operation use = add(g.body(), "onnx.Identity", List.of(foreign), List.of(F32), Map.of(), "use");
        g.setOutputs(List.of(use.result(0)), List.of("z"));
        assertOneError(two, "onnx.Identity: operand #0 'x' is not visible here (defined in a region that does not enclose this op)", "use");
    }

    @Test
    void nestedRegionsSeeOuterValuesButNotTheReverse() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        Value x = f.arguments().get(0);
        Operation region = f.body().insertBefore(f.returnOp(), Operation.create("t.region", List.of(), List.of(), Map.of(),
                Location.named("r")));
        Block inner = region.addRegion().addBlock();
        Value arg = inner.addArgument(F32, "arg");
        Operation innerId = add(inner, "onnx.Identity", List.of(x), List.of(F32), Map.of(), "inner");
        add(inner, "onnx.Identity", List.of(arg), List.of(F32), Map.of(), "inner2");
        assertEquals(List.of(), verify(m));

        f.body().insertBefore(f.returnOp(), Operation.create("onnx.Identity", List.of(innerId.result(0)), List.of(F32), Map.of(),
                Location.named("outside")));
        f.body().insertBefore(f.returnOp(), Operation.create("onnx.Identity", List.of(arg), List.of(F32), Map.of(),
                Location.named("outside2")));
        List<Diagnostic> ds = verify(m);
        assertEquals(2, ds.size(), ds.toString());
        assertTrue(ds.get(0).message().endsWith("is not visible here (defined in a region that does not enclose this op)"), ds.toString());
        assertEquals("outside", ds.get(0).location().name());
        assertEquals("onnx.Identity: operand #0 'arg' is not visible here (defined in a region that does not enclose this op)",
                ds.get(1).message());
    }

    @Test
    void graphAttributesAreRegions() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        Value cond = f.addInput("cond", TensorType.of(BoolType.I1));
        Value x = f.arguments().get(0);
        Operation ifOp = f.body().insertBefore(f.returnOp(), Operation.create("onnx.If", List.of(cond), List.of(F32), Map.of(),
                Location.named("if")));
        for (int branch = 0; branch < 2; branch++) {
            Block b = ifOp.addRegion().addBlock();
            Operation id = add(b, "onnx.Identity", List.of(x), List.of(F32), Map.of(), "branch" + branch);
            add(b, BuiltinDialect.RETURN, List.of(id.result(0)), List.of(), Map.of(), null);
        }
        assertEquals(List.of(), verify(m));

        ModuleOp one = identity();
        FuncOp g = one.mainFunction();
        Value c = g.addInput("cond", TensorType.of(BoolType.I1));
        Operation half = g.body().insertBefore(g.returnOp(), Operation.create("onnx.If", List.of(c), List.of(F32), Map.of(),
                Location.named("if")));
        add(half.addRegion().addBlock(), BuiltinDialect.RETURN, List.of(g.arguments().get(0)), List.of(), Map.of(), null);
        assertOneError(one, "onnx.If: expects 2 regions (for then_branch, else_branch), got 1", "if");
    }

    @Test
    void returnCountMatchesResultNames() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        f.op().setProperty("result_names", new Attribute.ArrayAttr(List.of(Attribute.of("y"), Attribute.of("extra"))));
        f.returnOp().setLocation(Location.named("ret"));
        assertOneError(m, "func.return: returns 1 values but the function has 2 result names", "ret");

        ModuleOp args = identity();
        args.mainFunction().op().setProperty("arg_names", new Attribute.ArrayAttr(List.of()));
        assertOneError(args, "func.func: has 1 arguments but 0 arg_names", null);
    }

    @Test
    void specVerifierRuns() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        Value x = f.arguments().get(0);
        Value i = f.addInput("i", TensorType.of(IntegerType.I32, 2));
        f.body().insertBefore(f.returnOp(), Operation.create("t.f32only", List.of(x), List.of(F32), Map.of(), Location.named("good")));
        f.body().insertBefore(f.returnOp(), Operation.create("t.f32only", List.of(i), List.of(F32), Map.of(), Location.named("bad")));
        assertOneError(m, "t.f32only: operand must be f32", "bad");
    }

    @Test
    void diagnosticsCarryTextPositionsOfParsedOps() {
        String text = """
                "builtin.module"() <{opset = 13}> ({
                  "func.func"() <{result_names = ["y"], sym_name = "main"}> ({
                  ^bb0(%x: tensor<2xf32>):
                    %y = "onnx.Identity"(%x, %x) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32> loc("node7")
                    "func.return"(%y) : (tensor<2xf32>) -> ()
                  }) : () -> ()
                }) : () -> ()
                """;
        List<Diagnostic> ds = Verifier.verify(IrParser.parse(text, "m.nnc"), DialectRegistry.standard());
        assertEquals(1, ds.size(), ds.toString());
        assertEquals("m.nnc:4:5: node 'node7': error: onnx.Identity: expects 1 operands, got 2", ds.get(0).toString());
        NncException e = assertThrows(NncException.class,
                () -> Verifier.verifyOrThrow(IrParser.parse(text, "m.nnc").op(), DialectRegistry.standard()));
        assertEquals("m.nnc:4:5: node 'node7': onnx.Identity: expects 1 operands, got 2", e.oneLine());
    }

    @Test
    void declaredResultTypeMustAgreeWithInference() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        Value x = f.arguments().get(0);
        f.body().insertBefore(f.returnOp(), Operation.create("onnx.Identity", List.of(x), List.of(TensorType.of(IntegerType.I64, 2)),
                Map.of(), Location.named("elem")));
        assertOneError(m, "onnx.Identity: result 0 is declared tensor<2xi64> but the op produces tensor<2xf32>", "elem");

        ModuleOp rank = identity();
        FuncOp g = rank.mainFunction();
        g.body().insertBefore(g.returnOp(), Operation.create("onnx.Identity", List.of(g.arguments().get(0)),
                List.of(TensorType.of(FloatType.F32, 2, 1)), Map.of(), Location.named("rank")));
        assertOneError(rank, "onnx.Identity: result 0 is declared tensor<2x1xf32> but the op produces tensor<2xf32>", "rank");

        ModuleOp size = identity();
        FuncOp h = size.mainFunction();
        h.body().insertBefore(h.returnOp(), Operation.create("onnx.Identity", List.of(h.arguments().get(0)),
                List.of(TensorType.of(FloatType.F32, 3)), Map.of(), Location.named("size")));
        assertOneError(size, "onnx.Identity: result 0 is declared tensor<3xf32> but the op produces tensor<2xf32>", "size");
    }

    @Test
    void unknownDimsAndUnrankedResultsAreCompatible() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        Value x = f.arguments().get(0);
        f.body().insertBefore(f.returnOp(), Operation.create("onnx.Identity", List.of(x), List.of(TensorType.unranked(FloatType.F32)),
                Map.of(), Location.named("u")));
        assertEquals(List.of(), verify(m));
        assertTrue(ResultTypeCheck.compatible(new TensorType(FloatType.F32, List.of(new dev.nnc.ir.type.Dim.Symbolic("n"))),
                TensorType.of(FloatType.F32, 4)));
        // a fixed-point result may be declared in another format (a wider accumulator), not another type
        assertTrue(ResultTypeCheck.compatible(TensorType.of(new dev.nnc.ir.type.FixedType(19, 9, true), 2),
                TensorType.of(new dev.nnc.ir.type.FixedType(8, 4, true), 2)));
        assertTrue(!ResultTypeCheck.compatible(TensorType.of(FloatType.F32, 2), TensorType.of(new dev.nnc.ir.type.FixedType(8, 4, true), 2)));
    }

    @Test
    void undeclaredPropertyOfAnOnnxOpIsAnError() {
        ModuleOp m = identity();
        FuncOp f = m.mainFunction();
        Value x = f.arguments().get(0);
        f.body().insertBefore(f.returnOp(), Operation.create("onnx.Relu", List.of(x), List.of(F32),
                Map.of("axs", Attribute.of(1)), Location.named("typo")));
        assertOneError(m, "onnx.Relu: has attribute 'axs', which the op does not define", "typo");
    }

    @Test
    void moduleWithOnnxOpsNeedsAnOpset() {
        ModuleOp m = identity();
        m.op().properties().remove("opset");
        m.op().setLocation(Location.named("model"));
        assertOneError(m, "builtin.module: holds onnx ops but has no 'opset' property (the ONNX opset they follow)", "model");
        ModuleOp empty = ModuleOp.create();
        assertEquals(List.of(), verify(empty));
    }

    @Test
    void controlFlowResultsTakeTheirBodysElementType() {
        String text = """
                "builtin.module"() <{opset = 13}> ({
                  "func.func"() <{arg_names = ["c", "x"], result_names = ["y"], sym_name = "main"}> ({
                  ^bb0(%c: tensor<i1>, %x: tensor<2xf16>):
                    %y = "onnx.If"(%c) ({
                      "func.return"(%x) : (tensor<2xf16>) -> ()
                    }, {
                      "func.return"(%x) : (tensor<2xf16>) -> ()
                    }) : (tensor<i1>) -> tensor<2xf32> loc("if")
                    "func.return"(%y) : (tensor<2xf32>) -> ()
                  }) : () -> ()
                }) : () -> ()
                """;
        List<Diagnostic> ds = Verifier.verify(IrParser.parse(text, "if.nir"), DialectRegistry.standard());
        assertEquals(List.of("onnx.If: result 0 is declared tensor<2xf32> but the op produces tensor<2xf16>"),
                ds.stream().map(Diagnostic::message).toList());
        assertEquals(List.of(), Verifier.verify(IrParser.parse(text.replace("xf32", "xf16"), "if.nir"), DialectRegistry.standard()));
    }
}
