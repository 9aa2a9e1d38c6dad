package dev.nnc.ir.q;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import dev.nnc.ir.verify.Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** q-typed graphs parsed from .nir text, run by the interpreter, against raws worked out by hand. */
class QInterpreterTest {
    static ModuleOp load(String name) throws IOException {
        try (InputStream in = QInterpreterTest.class.getResourceAsStream(name)) {
            return IrParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }

    static ModuleOp parse(String body, String inType) {
        String text = "\"builtin.module\"() <{opset = 13}> ({\n"
                + "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"y\"], sym_name = \"main\"}> ({\n"
                + "  ^bb0(%x: " + inType + "):\n" + body + "\n  }) : () -> ()\n}) : () -> ()\n";
        return IrParser.parse(text, "test.nir");
    }

    @Test
    void denseLayer() throws IOException {
        Map<String, Tensor> out = new Interpreter().run(load("dense-fixed.nir"),
                Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {1, 3}, new double[] {1.5, -0.53, 2.0})));
        // q = [24, -8, 32] (frac 4); products frac 10; acc col0 = 24·32 − 8·17 + 32·40 = 1912, + bias 8·64 = 2424;
        // col1 = 24·(−17) − 8·8 + 32·4 = −344, − 8·64 = −856, in the exact type fixed<19,9>
        Tensor acc = out.get("acc");
        assertEquals(new FixedType(19, 9, true), acc.elementType());
        assertArrayEquals(new long[] {2424, -856}, acc.longs());
        // cast to frac 4: 2424/64 = 37.875 → 38, −856/64 = −13.375 → −13; Relu → [38, 0]; 38/16 = 2.375
        assertArrayEquals(new double[] {2.375, 0.0}, out.get("y").doubles());
    }

    @Test
    void convolutionalGraph() throws IOException {
        Tensor x = Tensor.ofLongs(new FixedType(6, 3, true), new int[] {1, 1, 3, 3}, new long[] {1, 2, 3, 4, 5, 6, 7, 8, -9});
        Map<String, Tensor> out = new Interpreter().run(load("conv-fixed.nir"), Map.of("x", x));
        // conv taps [4, −4, 2, 1]: 1·4 − 2·4 + 4·2 + 5 = 9, 8 − 12 + 10 + 6 = 12, 16 − 20 + 14 + 8 = 18, 20 − 24 + 16 − 9 = 3
        assertArrayEquals(new long[] {9, 12, 18, 3}, out.get("conv").longs());
        assertArrayEquals(new long[] {18}, out.get("pool").longs());
        // + [0.25, −0.25] = +[16, −16] at frac 6 → [25, −4, 34, −13] → frac 4: 6.25 → 6, −1, 8.5 → 8 (even), −3.25 → −3
        assertArrayEquals(new long[] {6, -1, 8, -3}, out.get("add").longs());
        assertArrayEquals(new long[] {36, 1, 64, 9}, out.get("mul").longs());
        assertArrayEquals(new long[] {6, 8, -1, -3}, out.get("flat").longs());
        assertEquals(new FixedType(8, 4, true), out.get("flat").elementType());
        assertArrayEquals(new long[] {160}, out.get("mm").longs());
        assertArrayEquals(new int[] {2, 2}, out.get("shaped").shape());
        assertArrayEquals(new long[] {6, 8, -1, -3}, out.get("shaped").longs());
    }

    @Test
    void castModesComeFromProperties() {
        ModuleOp m = parse("    %a = \"q.cast\"(%x) <{overflow = \"WRAP\", rounding = \"TRN\"}> : (tensor<4xfixed<8,4>>) -> tensor<4xfixed<4,2>>\n"
                + "    %y = \"q.cast\"(%a) : (tensor<4xfixed<4,2>>) -> tensor<4xfixed<3,2>>\n"
                + "    \"func.return\"(%y) : (tensor<4xfixed<3,2>>) -> ()", "tensor<4xfixed<8,4>>");
        Tensor x = Tensor.ofLongs(new FixedType(8, 4, true), new int[] {4}, new long[] {-3, 37, 22, 6});
        // TRN: floor(raw/4) = [−1, 9, 5, 1]; WRAP to 4 bits: 9 → −7; then RND_CONV/SAT to 3 bits (÷2):
        // −0.5 → 0 (even), −3.5 → −4 → −4, 2.5 → 2, 0.5 → 0
        assertArrayEquals(new long[] {0, -4, 2, 0}, new Interpreter().run(m, Map.of("x", x)).get("y").longs());
    }

    @Test
    void requantizeAndLut() {
        ModuleOp m = parse("    %r = \"q.requantize\"(%x) <{multiplier = 3, shift = 2}> : (tensor<3xfixed<8,8>>) -> tensor<3xfixed<8,8>>\n"
                + "    %y = \"q.lut\"(%r) <{function = \"SIGMOID\", log2_size = 4}> : (tensor<3xfixed<8,8>>) -> tensor<3xufixed<8,0>>\n"
                + "    \"func.return\"(%y) : (tensor<3xufixed<8,0>>) -> ()", "tensor<3xfixed<8,8>>");
        Tensor x = Tensor.ofLongs(new FixedType(8, 8, true), new int[] {3}, new long[] {2, -7, 100});
        // ·3/4: 1.5 → 2, −5.25 → −5, 75; sigmoid table of 16 bins of width 1 over [−8, 8):
        // bin(2) = 10, midpoint 2.5 → σ = 0.92414 → ·256 = 236.58 → 237;
        // bin(−5) = 3, midpoint −4.5 → 0.0110 → 2.81 → 3; 75 → last bin, 7.5 → 0.99945 → 255.86 → 256 → 255 (SAT)
        assertArrayEquals(new long[] {237, 3, 255}, new Interpreter().run(m, Map.of("x", x)).get("y").longs());
    }

    @Test
    void perChannelRequantize() {
        ModuleOp m = parse("    %y = \"q.requantize\"(%x) <{multipliers = [1, 3], shifts = [0, 1]}> : (tensor<2x2xfixed<8,8>>) -> tensor<2x2xfixed<8,8>>\n"
                + "    \"func.return\"(%y) : (tensor<2x2xfixed<8,8>>) -> ()", "tensor<2x2xfixed<8,8>>");
        Tensor x = Tensor.ofLongs(new FixedType(8, 8, true), new int[] {2, 2}, new long[] {5, 5, -3, 7});
        // channel 0 (axis 1) ×1; channel 1 ×3/2: 7.5 → 8 and 10.5 → 10 (ties to even)
        assertArrayEquals(new long[] {5, 8, -3, 10}, new Interpreter().run(m, Map.of("x", x)).get("y").longs());
        ModuleOp bad = parse("    %y = \"q.requantize\"(%x) <{multipliers = [1, 3, 4], shifts = [0, 1, 1]}> : (tensor<2x2xfixed<8,8>>) -> tensor<2x2xfixed<8,8>>\n"
                + "    \"func.return\"(%y) : (tensor<2x2xfixed<8,8>>) -> ()", "tensor<2x2xfixed<8,8>>");
        NncException e = assertThrows(NncException.class, () -> new Interpreter().run(bad, Map.of("x", x)));
        assertTrue(e.getMessage().contains("3 multipliers for 2 channels"), e.getMessage());
    }

    @Test
    void mixingFloatAndFixedIsAClearError() {
        ModuleOp m = parse("    %c = \"onnx.Constant\"() <{value = dense<[1.0]> : tensor<1xf32>}> : () -> tensor<1xf32>\n"
                + "    %y = \"onnx.Add\"(%x, %c) : (tensor<1xfixed<8,4>>, tensor<1xf32>) -> tensor<1xfixed<8,4>>\n"
                + "    \"func.return\"(%y) : (tensor<1xfixed<8,4>>) -> ()", "tensor<1xfixed<8,4>>");
        Tensor x = Tensor.ofLongs(new FixedType(8, 4, true), new int[] {1}, new long[] {1});
        NncException e = assertThrows(NncException.class, () -> new Interpreter().run(m, Map.of("x", x)));
        assertTrue(e.getMessage().contains("quantize it first"), e.getMessage());
    }

    @Test
    void tooWideProductIsAClearError() {
        ModuleOp m = parse("    %y = \"onnx.Mul\"(%x, %x) : (tensor<1xfixed<40,4>>, tensor<1xfixed<40,4>>) -> tensor<1xfixed<40,4>>\n"
                + "    \"func.return\"(%y) : (tensor<1xfixed<40,4>>) -> ()", "tensor<1xfixed<40,4>>");
        Tensor x = Tensor.ofLongs(new FixedType(40, 4, true), new int[] {1}, new long[] {1});
        NncException e = assertThrows(NncException.class, () -> new Interpreter().run(m, Map.of("x", x)));
        assertTrue(e.getMessage().contains("needs 80 bits"), e.getMessage());
    }

    @Test
    void sampleGraphsVerify() throws IOException {
        for (String name : new String[] {"dense-fixed.nir", "conv-fixed.nir"}) {
            assertEquals(List.of(), Verifier.verify(load(name), DialectRegistry.standard()), name);
        }
    }

    @Test
    void verifierRejectsWrongElementKinds() {
        ModuleOp m = parse("    %y = \"q.quantize\"(%x) : (tensor<2xfixed<8,4>>) -> tensor<2xf32>\n"
                + "    \"func.return\"(%y) : (tensor<2xf32>) -> ()", "tensor<2xfixed<8,4>>");
        String all = Verifier.verify(m, DialectRegistry.standard()).toString();
        assertTrue(all.contains("operand must be a float tensor") && all.contains("result must be a fixed-point tensor"), all);
        ModuleOp badMode = parse("    %y = \"q.cast\"(%x) <{rounding = \"NEAREST\"}> : (tensor<2xfixed<8,4>>) -> tensor<2xfixed<4,2>>\n"
                + "    \"func.return\"(%y) : (tensor<2xfixed<4,2>>) -> ()", "tensor<2xfixed<8,4>>");
        String modeError = Verifier.verify(badMode, DialectRegistry.standard()).toString();
        assertTrue(modeError.contains("unknown rounding mode 'NEAREST' (one of [RND, RND_CONV"), modeError);
    }

    @Test
    void inferenceKeepsTheShapeAndTheDeclaredFormat() {
        ModuleOp m = parse("    %y = \"q.cast\"(%x) : (tensor<3xfixed<8,4>>) -> tensor<*xfixed<4,2>>\n"
                + "    \"func.return\"(%y) : (tensor<*xfixed<4,2>>) -> ()", "tensor<3xfixed<8,4>>");
        Operation cast = m.mainFunction().body().operations().get(0);
        OpSpec spec = DialectRegistry.standard().lookup(QDialect.CAST).orElseThrow();
        List<Type> inferred = spec.inference().infer(new InferContext(cast, List.of(cast.operand(0).type()), new OpAttributes(cast, spec), 1));
        assertEquals(List.of(TensorType.of(new FixedType(4, 2, true), 3)), inferred);
    }

    @Test
    void textRoundTrips() throws IOException {
        for (String name : new String[] {"dense-fixed.nir", "conv-fixed.nir"}) {
            String once = IrPrinter.print(load(name));
            assertEquals(once, IrPrinter.print(IrParser.parse(once, name)));
            assertTrue(once.contains("\"q.quantize\"") || once.contains("fixed<12,6>"), once);
        }
        ModuleOp m = parse("    %y = \"q.lut\"(%x) <{function = \"TANH\", hi = 4.0, lo = -4.0, log2_size = 8, rounding = \"RND\"}> : (tensor<3xfixed<8,3>>) -> tensor<3xfixed<8,1>>\n"
                + "    \"func.return\"(%y) : (tensor<3xfixed<8,1>>) -> ()", "tensor<3xfixed<8,3>>");
        String text = IrPrinter.print(m);
        assertEquals(text, IrPrinter.print(IrParser.parse(text, "again.nir")));
        assertTrue(text.contains("function = \"TANH\""), text);
    }
}
