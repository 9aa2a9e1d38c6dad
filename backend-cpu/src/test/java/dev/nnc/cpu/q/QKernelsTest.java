package dev.nnc.cpu.q;

import static dev.nnc.cpu.q.QGraphs.assertBitExact;
import static dev.nnc.cpu.q.QGraphs.module;
import static dev.nnc.cpu.q.QGraphs.t;
import static dev.nnc.cpu.q.QGraphs.weight;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cpu.CpuBackend;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.fixed.Overflow;
import dev.nnc.ir.fixed.Rounding;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FixedType;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Each fixed-point kernel of the CPU backend against the interpreter on random inputs (fixed
 * seeds) that include saturating extremes: every raw of the result must be equal. Declared result
 * types narrower than the exact type exercise the final cast (rounding and saturation); 16-bit
 * operands exercise long accumulators, 40-bit types long arrays.
 */
class QKernelsTest {
    /** {@code fixed<W,I>} or {@code ufixed<W,I>}. */
    private static FixedType f(String spelling) {
        String[] wi = spelling.substring(spelling.indexOf('<') + 1, spelling.length() - 1).split(",");
        return new FixedType(Integer.parseInt(wi[0].strip()), Integer.parseInt(wi[1].strip()), !spelling.startsWith("u"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exact", "fixed<8,4>", "ufixed<6,3>"})
    void convWithPaddingStridesAndBias(String declared) {
        Random rnd = new Random(1);
        FixedType x = new FixedType(8, 3, true);
        FixedType w = new FixedType(8, 1, true);
        FixedType b = new FixedType(12, 6, true);
        FixedType exact = FixedRules.sum(FixedRules.dot(x, w, 3 * 9), b);
        String y = declared.equals("exact") ? exact.spelling() : declared;
        String body = weight("w", w.spelling(), 1, rnd, 4, 3, 3, 3) + weight("b", b.spelling(), 8, rnd, 4)
                + "    %y = \"onnx.Conv\"(%xq, %w, %b) <{kernel_shape = [3, 3], pads = [1, 0, 1, 2], strides = [2, 1]}> : ("
                + t(x.spelling(), 1, 3, 9, 8) + ", " + t(w.spelling(), 4, 3, 3, 3) + ", " + t(b.spelling(), 4) + ") -> "
                + t(y, 1, 4, 5, 8) + " loc(\"conv\")\n";
        assertBitExact(module(new int[] {1, 3, 9, 8}, x.spelling(), body, t(y, 1, 4, 5, 8)), new int[] {1, 3, 9, 8}, 4, 11);
    }

    @Test
    void groupedDilatedOneDimensionalAndPointwiseConv() {
        Random rnd = new Random(2);
        FixedType x = new FixedType(8, 4, false);
        FixedType w = new FixedType(6, 2, true);
        FixedType exact = FixedRules.dot(x, w, 2 * 3);
        String body = weight("w", w.spelling(), 2, rnd, 6, 2, 3)
                + "    %y = \"onnx.Conv\"(%xq, %w) <{dilations = [2], group = 2, kernel_shape = [3], pads = [2, 1]}> : ("
                + t(x.spelling(), 2, 4, 10) + ", " + t(w.spelling(), 6, 2, 3) + ") -> " + t(exact.spelling(), 2, 6, 9)
                + " loc(\"grouped\")\n";
        assertBitExact(module(new int[] {2, 4, 10}, x.spelling(), body, t(exact.spelling(), 2, 6, 9)), new int[] {2, 4, 10}, 6, 12);
        String pointwise = weight("w", w.spelling(), 2, rnd, 5, 4, 1, 1)
                + "    %y = \"onnx.Conv\"(%xq, %w) <{kernel_shape = [1, 1]}> : (" + t(x.spelling(), 1, 4, 3, 3) + ", "
                + t(w.spelling(), 5, 4, 1, 1) + ") -> " + t("fixed<7,5>", 1, 5, 3, 3) + " loc(\"pointwise\")\n";
        assertBitExact(module(new int[] {1, 4, 3, 3}, x.spelling(), pointwise, t("fixed<7,5>", 1, 5, 3, 3)),
                new int[] {1, 4, 3, 3}, 6, 13);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed<8,3>", "fixed<16,6>", "fixed<40,20>"})
    void gemmWithTransposedWeightsAndBias(String xType) {
        Random rnd = new Random(3);
        FixedType x = f(xType);
        FixedType w = x.width() == 8 ? new FixedType(8, 1, true) : new FixedType(16, 3, true);
        FixedType b = new FixedType(20, 8, true);
        FixedType exact = FixedRules.sum(FixedRules.dot(x, w, 37), b);
        String body = weight("w", w.spelling(), 1, rnd, 9, 37) + weight("b", b.spelling(), 4, rnd, 9)
                + "    %y = \"onnx.Gemm\"(%xq, %w, %b) <{transB = 1}> : (" + t(xType, 3, 37) + ", " + t(w.spelling(), 9, 37)
                + ", " + t(b.spelling(), 9) + ") -> " + t(exact.spelling(), 3, 9) + " loc(\"dense\")\n";
        assertBitExact(module(new int[] {3, 37}, xType, body, t(exact.spelling(), 3, 9)), new int[] {3, 37}, 3, 14);
        String narrow = body.replace(t(exact.spelling(), 3, 9), t("fixed<9,4>", 3, 9));
        assertBitExact(module(new int[] {3, 37}, xType, narrow, t("fixed<9,4>", 3, 9)), new int[] {3, 37}, 3, 15);
    }

    @Test
    void requantizeAndCastAfterALayerRunInItsEpilogue() {
        Random rnd = new Random(7);
        FixedType x = new FixedType(8, 3, true);
        FixedType w = new FixedType(8, 1, true);
        FixedType exact = FixedRules.dot(x, w, 2 * 9);
        String conv = weight("w", w.spelling(), 1, rnd, 3, 2, 3, 3)
                + "    %c = \"onnx.Conv\"(%xq, %w) <{kernel_shape = [3, 3], pads = [1, 1, 1, 1]}> : (" + t(x.spelling(), 2, 2, 5, 5)
                + ", " + t(w.spelling(), 3, 2, 3, 3) + ") -> " + t(exact.spelling(), 2, 3, 5, 5) + " loc(\"conv\")\n"
                + "    %y = \"q.requantize\"(%c) <{axis = 1, multipliers = [1518500250, 1073741824, 2147483647], shifts = [33, 31, 35]}> : ("
                + t(exact.spelling(), 2, 3, 5, 5) + ") -> " + t("ufixed<6,2>", 2, 3, 5, 5) + " loc(\"conv\")\n";
        String text = module(new int[] {2, 2, 5, 5}, x.spelling(), conv, t("ufixed<6,2>", 2, 3, 5, 5));
        assertTrue(!CpuBackend.generate(IrParser.parse(text, "f.nir"), "f").source().contains("QConvert.requantize"),
                "the requantize runs in the convolution's epilogue");
        assertBitExact(text, new int[] {2, 2, 5, 5}, 4, 31);
        FixedType gx = new FixedType(12, 4, true);
        FixedType gexact = FixedRules.dot(gx, w, 6);
        for (String tail : new String[] {
                "q.requantize\"(%g) <{axis = 1, multipliers = [1518500250, 1073741824, 2147483647, 1300000000], shifts = [36, 35, 37, 36]}>",
                "q.requantize\"(%g) <{axis = 0, multipliers = [1518500250, 1073741824, 2147483647], shifts = [36, 35, 37]}>",
                "q.requantize\"(%g) <{multiplier = 1518500250, rounding = \"TRN\", shift = 36}>",
                "q.cast\"(%g) <{overflow = \"WRAP\", rounding = \"TRN\"}>"}) {
            String gemm = weight("v", w.spelling(), 1, rnd, 6, 4)
                    + "    %g = \"onnx.Gemm\"(%xq, %v) : (" + t(gx.spelling(), 3, 6) + ", " + t(w.spelling(), 6, 4) + ") -> "
                    + t(gexact.spelling(), 3, 4) + " loc(\"dense\")\n"
                    + "    %y = \"" + tail + " : (" + t(gexact.spelling(), 3, 4) + ") -> " + t("fixed<6,2>", 3, 4) + " loc(\"dense\")\n";
            assertBitExact(module(new int[] {3, 6}, gx.spelling(), gemm, t("fixed<6,2>", 3, 4)), new int[] {3, 6}, 8, 32);
        }
    }

    @Test
    void matMulOverABatch() {
        Random rnd = new Random(4);
        FixedType x = new FixedType(8, 2, true);
        FixedType w = new FixedType(8, 0, true);
        FixedType exact = FixedRules.dot(x, w, 6);
        String body = weight("w", w.spelling(), 0.5, rnd, 6, 5)
                + "    %y = \"onnx.MatMul\"(%xq, %w) : (" + t(x.spelling(), 2, 3, 6) + ", " + t(w.spelling(), 6, 5) + ") -> "
                + t(exact.spelling(), 2, 3, 5) + " loc(\"mm\")\n";
        assertBitExact(module(new int[] {2, 3, 6}, x.spelling(), body, t(exact.spelling(), 2, 3, 5)), new int[] {2, 3, 6}, 2, 16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Add", "Sub", "Mul"})
    void broadcastArithmeticExactAndNarrowed(String op) {
        Random rnd = new Random(5);
        FixedType x = new FixedType(10, 4, true);
        FixedType c = new FixedType(6, 1, false);
        FixedType exact = op.equals("Mul") ? FixedRules.product(x, c) : op.equals("Sub") ? FixedRules.difference(x, c)
                : FixedRules.sum(x, c);
        for (String y : new String[] {exact.spelling(), "fixed<6,3>", "ufixed<5,2>"}) {
            String body = weight("c", c.spelling(), 1.9, rnd, 3, 1)
                    + "    %y = \"onnx." + op + "\"(%xq, %c) : (" + t(x.spelling(), 2, 3, 4) + ", " + t(c.spelling(), 3, 1) + ") -> "
                    + t(y, 2, 3, 4) + " loc(\"arith\")\n";
            assertBitExact(module(new int[] {2, 3, 4}, x.spelling(), body, t(y, 2, 3, 4)), new int[] {2, 3, 4}, 10, 17);
        }
        String twoInputs = "    %z = \"q.cast\"(%xq) : (" + t(x.spelling(), 4, 5) + ") -> " + t("fixed<40,30>", 4, 5) + " loc(\"wide\")\n"
                + "    %y = \"onnx." + op + "\"(%xq, %z) : (" + t(x.spelling(), 4, 5) + ", " + t("fixed<40,30>", 4, 5) + ") -> "
                + t("fixed<12,6>", 4, 5) + " loc(\"mixed\")\n";
        assertBitExact(module(new int[] {4, 5}, x.spelling(), twoInputs, t("fixed<12,6>", 4, 5)), new int[] {4, 5}, 10, 18);
    }

    @Test
    void reluAndClip() {
        String x = "fixed<9,4>";
        String relu = "    %y = \"onnx.Relu\"(%xq) : (" + t(x, 30) + ") -> " + t("ufixed<5,2>", 30) + " loc(\"relu\")\n";
        assertBitExact(module(new int[] {30}, x, relu, t("ufixed<5,2>", 30)), new int[] {30}, 8, 19);
        String clip = "    %lo_f = \"onnx.Constant\"() <{value = dense<[-1.3]> : tensor<f32>}> : () -> tensor<f32> loc(\"lo\")\n"
                + "    %lo = \"q.quantize\"(%lo_f) : (tensor<f32>) -> tensor<fixed<8,2>> loc(\"lo\")\n"
                + "    %hi_f = \"onnx.Constant\"() <{value = dense<[5.7]> : tensor<f32>}> : () -> tensor<f32> loc(\"hi\")\n"
                + "    %hi = \"q.quantize\"(%hi_f) : (tensor<f32>) -> tensor<fixed<8,4>> loc(\"hi\")\n"
                + "    %y = \"onnx.Clip\"(%xq, %lo, %hi) : (" + t(x, 30) + ", tensor<fixed<8,2>>, tensor<fixed<8,4>>) -> " + t(x, 30)
                + " loc(\"clip\")\n";
        assertBitExact(module(new int[] {30}, x, clip, t(x, 30)), new int[] {30}, 8, 20);
    }

    @Test
    void pooling() {
        String x = "fixed<8,3>";
        String max = "    %y = \"onnx.MaxPool\"(%xq) <{ceil_mode = 1, kernel_shape = [3, 2], pads = [1, 0, 1, 1], strides = [2, 2]}> : ("
                + t(x, 1, 2, 7, 6) + ") -> " + t("fixed<6,2>", 1, 2, 4, 3) + " loc(\"max\")\n";
        assertBitExact(module(new int[] {1, 2, 7, 6}, x, max, t("fixed<6,2>", 1, 2, 4, 3)), new int[] {1, 2, 7, 6}, 4, 21);
        String avg = "    %y = \"onnx.AveragePool\"(%xq) <{count_include_pad = 1, kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]}> : ("
                + t(x, 1, 2, 7, 6) + ") -> " + t("fixed<8,2>", 1, 2, 4, 3) + " loc(\"avg\")\n";
        assertBitExact(module(new int[] {1, 2, 7, 6}, x, avg, t("fixed<8,2>", 1, 2, 4, 3)), new int[] {1, 2, 7, 6}, 4, 22);
        String global = "    %y = \"onnx.GlobalAveragePool\"(%xq) : (" + t(x, 2, 3, 5, 5) + ") -> " + t("fixed<10,3>", 2, 3, 1, 1)
                + " loc(\"gap\")\n";
        assertBitExact(module(new int[] {2, 3, 5, 5}, x, global, t("fixed<10,3>", 2, 3, 1, 1)), new int[] {2, 3, 5, 5}, 4, 23);
    }

    @Test
    void castInEveryRoundingAndOverflowMode() {
        for (Rounding r : Rounding.values()) {
            for (Overflow o : Overflow.values()) {
                for (String to : new String[] {"fixed<6,2>", "ufixed<5,2>", "fixed<16,8>"}) {
                    String body = "    %y = \"q.cast\"(%xq) <{overflow = \"" + o + "\", rounding = \"" + r + "\"}> : ("
                            + t("fixed<12,4>", 64) + ") -> " + t(to, 64) + " loc(\"cast\")\n";
                    assertBitExact(module(new int[] {64}, "fixed<12,4>", body, t(to, 64)), new int[] {64}, 3, 24);
                }
            }
        }
    }

    @Test
    void quantizeWithModesAndWideTypes() {
        String body = "    %y = \"q.cast\"(%xq) : (" + t("fixed<48,20>", 40) + ") -> " + t("fixed<48,20>", 40) + " loc(\"same\")\n";
        assertBitExact(module(new int[] {40}, "fixed<48,20>", body, t("fixed<48,20>", 40)), new int[] {40}, 1e5, 25);
        String trn = "    %q = \"q.quantize\"(%x) <{overflow = \"WRAP\", rounding = \"TRN\"}> : (" + t("f32", 40) + ") -> "
                + t("fixed<6,3>", 40) + " loc(\"trn\")\n"
                + "    %y = \"onnx.Relu\"(%q) : (" + t("fixed<6,3>", 40) + ") -> " + t("fixed<6,3>", 40) + " loc(\"relu\")\n";
        assertBitExact(module(new int[] {40}, "fixed<8,3>", trn, t("fixed<6,3>", 40)), new int[] {40}, 4, 26);
    }

    @Test
    void requantizePerTensorAndPerChannel() {
        String per = "    %y = \"q.requantize\"(%xq) <{multiplier = 1518500250, shift = 33}> : (" + t("fixed<20,10>", 2, 3, 4)
                + ") -> " + t("fixed<8,3>", 2, 3, 4) + " loc(\"rq\")\n";
        assertBitExact(module(new int[] {2, 3, 4}, "fixed<20,10>", per, t("fixed<8,3>", 2, 3, 4)), new int[] {2, 3, 4}, 50, 27);
        String channel = "    %y = \"q.requantize\"(%xq) <{axis = 1, multipliers = [1518500250, 1073741824, 2147483647], "
                + "overflow = \"SAT_SYM\", rounding = \"RND_INF\", shifts = [33, -2, 40]}> : (" + t("fixed<20,10>", 2, 3, 4) + ") -> "
                + t("ufixed<8,3>", 2, 3, 4) + " loc(\"rq\")\n";
        assertBitExact(module(new int[] {2, 3, 4}, "fixed<20,10>", channel, t("ufixed<8,3>", 2, 3, 4)), new int[] {2, 3, 4}, 50, 28);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIGMOID", "TANH", "EXP", "RECIPROCAL"})
    void lookupTables(String function) {
        String body = "    %y = \"q.lut\"(%xq) <{function = \"" + function + "\", log2_size = 8}> : (" + t("fixed<12,6>", 50) + ") -> "
                + t("fixed<10,4>", 50) + " loc(\"lut\")\n";
        assertBitExact(module(new int[] {50}, "fixed<12,6>", body, t("fixed<10,4>", 50)), new int[] {50}, 6, 29);
    }

    @Test
    void softmaxOverTheLastAxis() {
        String body = "    %y = \"q.softmax\"(%xq) <{recip_hi = 8.0, recip_in_type = ufixed<16,3>}> : (" + t("fixed<16,6>", 3, 7)
                + ") -> " + t("ufixed<8,0>", 3, 7) + " loc(\"softmax\")\n";
        assertBitExact(module(new int[] {3, 7}, "fixed<16,6>", body, t("ufixed<8,0>", 3, 7)), new int[] {3, 7}, 3, 30);
    }

    @Test
    void unsupportedFixedOpsAndBoundariesAreOneLineErrorsNamingTheNode() {
        String concat = "    %y = \"onnx.Concat\"(%xq, %xq) <{axis = 0}> : (" + t("fixed<8,3>", 2) + ", " + t("fixed<8,3>", 2) + ") -> "
                + t("fixed<8,3>", 4) + " loc(\"join\")\n";
        NncException e = assertThrows(NncException.class,
                () -> CpuBackend.generate(IrParser.parse(module(new int[] {2}, "fixed<8,3>", concat, t("fixed<8,3>", 4)), "c.nir"), "c"));
        assertTrue(e.oneLine().contains("join") && e.oneLine().contains("fixed-point"), e.oneLine());
        NncException withFallback = assertThrows(NncException.class, () -> CpuBackend.generate(
                IrParser.parse(module(new int[] {2}, "fixed<8,3>", concat, t("fixed<8,3>", 4)), "c.nir"), "c", true));
        assertTrue(withFallback.oneLine().contains("join"), "no interpreter fallback for fixed-point values: " + withFallback.oneLine());
        String raw = "\"builtin.module\"() <{opset = 17}> ({\n"
                + "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"y\"], sym_name = \"main\"}> ({\n"
                + "  ^bb0(%x: tensor<2xfixed<8,3>>):\n"
                + "    %y = \"onnx.Relu\"(%x) : (tensor<2xfixed<8,3>>) -> tensor<2xfixed<8,3>> loc(\"r\")\n"
                + "    \"func.return\"(%y) : (tensor<2xfixed<8,3>>) -> ()\n"
                + "  }) : () -> ()\n"
                + "}) : () -> ()\n";
        NncException b = assertThrows(NncException.class, () -> CpuBackend.generate(IrParser.parse(raw, "r.nir"), "r"));
        assertTrue(b.oneLine().contains("'x'") && b.oneLine().contains("q.quantize"), b.oneLine());
    }
}
