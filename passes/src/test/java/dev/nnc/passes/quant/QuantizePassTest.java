package dev.nnc.passes.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.PassContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration, then the pass on a small CNN: the q-level form, its accuracy against float, configs. */
class QuantizePassTest {
    private static final String CNN = "\"builtin.module\"() <{opset = 13}> ({\n"
            + "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"y\"], sym_name = \"main\"}> ({\n"
            + "  ^bb0(%x: tensor<1x1x4x4xf32>):\n"
            + "    %w = \"onnx.Constant\"() <{value = dense<[0.5, -0.25, 1.0, 0.75, -1.5, 0.25, 0.5, 0.125]> : tensor<2x1x2x2xf32>}> : () -> tensor<2x1x2x2xf32>\n"
            + "    %b = \"onnx.Constant\"() <{value = dense<[0.1, -0.2]> : tensor<2x1x1xf32>}> : () -> tensor<2x1x1xf32>\n"
            + "    %c = \"onnx.Conv\"(%x, %w) <{kernel_shape = [2, 2]}> : (tensor<1x1x4x4xf32>, tensor<2x1x2x2xf32>) -> tensor<1x2x3x3xf32> loc(\"conv\")\n"
            + "    %a = \"onnx.Add\"(%c, %b) : (tensor<1x2x3x3xf32>, tensor<2x1x1xf32>) -> tensor<1x2x3x3xf32> loc(\"bias\")\n"
            + "    %r = \"onnx.Relu\"(%a) : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> loc(\"relu\")\n"
            + "    %p = \"onnx.MaxPool\"(%r) <{kernel_shape = [2, 2]}> : (tensor<1x2x3x3xf32>) -> tensor<1x2x2x2xf32> loc(\"pool\")\n"
            + "    %f = \"onnx.Flatten\"(%p) : (tensor<1x2x2x2xf32>) -> tensor<1x8xf32> loc(\"flat\")\n"
            + "    %v = \"onnx.Constant\"() <{value = dense<[0.3, -0.6, 0.9, 0.2, -0.4, 0.7, 0.1, -0.8, 0.5, 0.6, -0.2, 0.4, 0.8, -0.1, 0.3, 0.2, -0.7, 0.5, 0.6, 0.9, -0.3, 0.1, 0.4, -0.5]> : tensor<8x3xf32>}> : () -> tensor<8x3xf32>\n"
            + "    %m = \"onnx.MatMul\"(%f, %v) : (tensor<1x8xf32>, tensor<8x3xf32>) -> tensor<1x3xf32> loc(\"dense\")\n"
            + "    %y = \"onnx.Softmax\"(%m) <{axis = -1}> : (tensor<1x3xf32>) -> tensor<1x3xf32> loc(\"softmax\")\n"
            + "    \"func.return\"(%y) : (tensor<1x3xf32>) -> ()\n"
            + "  }) : () -> ()\n"
            + "}) : () -> ()\n";

    @TempDir
    Path dir;

    private static List<Map<String, Tensor>> inputs(int n, long seed) {
        Random r = new Random(seed);
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            double[] v = new double[16];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextDouble() * 2;
            }
            out.add(Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {1, 1, 4, 4}, v)));
        }
        return out;
    }

    /** Parses the CNN, calibrates it on 50 inputs and writes the ranges into it. */
    private static ModuleOp calibrated() {
        ModuleOp m = IrParser.parse(CNN, "cnn.nir");
        Calibration c = new Calibration();
        for (Map<String, Tensor> in : inputs(50, 1)) {
            c.observe(m, in);
        }
        c.annotate(m);
        return m;
    }

    private static ModuleOp quantized(QuantizePass.Options o) {
        ModuleOp m = calibrated();
        new QuantizePass(o).run(m, new PassContext());
        Verifier.verifyOrThrow(m.op(), DialectRegistry.standard());
        return IrParser.parse(IrPrinter.print(m), "q.nir");
    }

    private static QuantizePass.Options bits8(boolean perChannel, String config) {
        return new QuantizePass.Options("", 8, perChannel, 0, "RND_CONV", "SAT", config);
    }

    private static List<String> opNames(ModuleOp m) {
        return m.mainFunction().body().operations().stream().map(Operation::name).filter(n -> !n.equals("onnx.Constant")).toList();
    }

    @Test
    void calibrationRangesSurviveTheText() {
        ModuleOp m = calibrated();
        ModuleOp again = IrParser.parse(IrPrinter.print(m), "again.nir");
        Map<String, Range> ranges = Calibration.read(again);
        Range relu = ranges.get("r");
        assertEquals(0.0, relu.lo());
        assertTrue(relu.hi() > 0, relu.toString());
        assertEquals(Calibration.read(m), ranges);
        Range x = ranges.get("x");
        assertTrue(x.lo() >= 0 && x.hi() <= 2 && x.hi() > 1.5, x.toString());
    }

    @Test
    void eightBitPerChannelHasTheHardwareForm() {
        ModuleOp q = quantized(bits8(true, ""));
        assertEquals(List.of("q.quantize", "onnx.Conv", "q.requantize", "onnx.Relu", "onnx.MaxPool", "onnx.Flatten", "onnx.MatMul",
                "q.requantize", "q.softmax", "q.dequantize", "func.return"), opNames(q));
        String text = IrPrinter.print(q);
        assertTrue(text.contains("tensor<2x1x2x2xfixed<8,8>>") && text.contains("tensor<8x3xfixed<8,8>>"), text);
        assertTrue(!text.contains("calib_range"), text);
    }

    @Test
    void fixedModelTracksFloat() {
        ModuleOp f = IrParser.parse(CNN, "cnn.nir");
        for (QuantizePass.Options o : List.of(bits8(true, ""), bits8(false, ""),
                new QuantizePass.Options("fixed<16,6>", 0, false, 0, "RND_CONV", "SAT", ""))) {
            ModuleOp q = quantized(o);
            double worst = 0;
            for (Map<String, Tensor> in : inputs(20, 2)) {
                double[] a = new Interpreter().run(f, in).get("y").toDoubles();
                double[] b = new Interpreter().run(q, in).get("y").toDoubles();
                for (int i = 0; i < a.length; i++) {
                    worst = Math.max(worst, Math.abs(a[i] - b[i]));
                }
            }
            // probabilities: 8 bits land within a few hundredths, fixed<16,6> within a few thousandths
            assertTrue(worst < (o.bits() == 8 ? 0.06 : 0.01), o + ": worst error " + worst);
        }
    }

    @Test
    void fusedActivationsAreSplitBack() {
        ModuleOp plain = quantized(bits8(true, ""));
        ModuleOp m = calibrated();
        new dev.nnc.passes.graph.FusePass(dev.nnc.passes.graph.FusePass.INFO.defaults()).run(m, new PassContext());
        assertTrue(opNames(m).contains("onnx.FusedConv"), opNames(m).toString());
        PassContext ctx = new PassContext();
        new QuantizePass(bits8(true, "")).run(m, ctx);
        Verifier.verifyOrThrow(m.op(), DialectRegistry.standard());
        assertEquals(1L, ctx.statistics().get("unfused"));
        assertEquals(opNames(plain), opNames(m));
        for (Map<String, Tensor> in : inputs(5, 3)) {
            assertEquals(new Interpreter().run(plain, in).get("y"), new Interpreter().run(m, in).get("y"));
        }
    }

    @Test
    void defaultIsFixed16x6EverywhereWithoutCalibration() {
        ModuleOp m = IrParser.parse(CNN, "cnn.nir");
        new QuantizePass(QuantizePass.INFO.defaults()).run(m, new PassContext());
        String text = IrPrinter.print(m);
        assertTrue(text.contains("-> tensor<1x2x3x3xfixed<16,6>>") && text.contains("-> tensor<1x3xfixed<16,6>>"), text);
    }

    @Test
    void bitsWithoutCalibrationNamesTheInput() {
        ModuleOp m = IrParser.parse(CNN, "cnn.nir");
        NncException e = assertThrows(NncException.class, () -> new QuantizePass(bits8(false, "")).run(m, new PassContext()));
        assertTrue(e.getMessage().contains("input 'x': no calibration range"), e.getMessage());
    }

    @Test
    void configOverridesOneLayer() throws Exception {
        Path cfg = Files.writeString(dir.resolve("c.json"),
                "{\"per_channel\": false, \"layers\": {\"bias\": {\"type\": \"fixed<12,5>\", \"rounding\": \"TRN\", \"overflow\": \"WRAP\"}}}");
        ModuleOp q = quantized(bits8(true, cfg.toString()));
        Operation cast = q.mainFunction().body().operations().stream().filter(o -> o.name().equals("q.cast")).findFirst().orElseThrow();
        assertEquals("bias", cast.location().name());
        assertEquals(new FixedType(12, 5, true), ((dev.nnc.ir.type.TensorType) cast.result(0).type()).elementType());
        assertEquals("TRN", ((dev.nnc.ir.attr.Attribute.StringAttr) cast.property("rounding")).value());
        // the top-level per_channel = false applies to the dense layer too: a q.cast, no q.requantize
        assertTrue(opNames(q).stream().noneMatch(n -> n.equals("q.requantize")), opNames(q).toString());
    }

    @Test
    void aFusedLayerAnswersToItsConvName() throws Exception {
        Path cfg = Files.writeString(dir.resolve("c.json"), "{\"layers\": {\"conv\": {\"type\": \"fixed<10,4>\"}}}");
        ModuleOp q = quantized(bits8(false, cfg.toString()));
        Operation cast = q.mainFunction().body().operations().stream().filter(o -> o.name().equals("q.cast")).findFirst().orElseThrow();
        assertEquals(new FixedType(10, 4, true), ((dev.nnc.ir.type.TensorType) cast.result(0).type()).elementType());
    }

    @Test
    void configMistakesAreOneLineNamingTheFile() throws Exception {
        Path unknown = Files.writeString(dir.resolve("u.json"), "{\"layers\": {\"nope\": {\"bits\": 4}}}");
        NncException e = assertThrows(NncException.class, () -> quantized(bits8(false, unknown.toString())));
        assertTrue(e.getMessage().contains("u.json: no layer 'nope' in the model (node names: bias, conv, dense, flat"), e.getMessage());
        Path badType = Files.writeString(dir.resolve("t.json"), "{\"layers\": {\"bias\": {\"type\": \"int8\"}}}");
        e = assertThrows(NncException.class, () -> QuantConfig.read(badType, LayerSettings.DEFAULT));
        assertTrue(e.getMessage().contains("t.json: layer 'bias': 'int8' is not a fixed-point type"), e.getMessage());
        Path notBool = Files.writeString(dir.resolve("b.json"), "{\"per_channel\": 1}");
        e = assertThrows(NncException.class, () -> QuantConfig.read(notBool, LayerSettings.DEFAULT));
        assertTrue(e.getMessage().contains("per_channel must be true or false"), e.getMessage());
    }

    @Test
    void globalAveragePoolIsQuantizedAndRuns() {
        ModuleOp m = IrParser.parse("\"builtin.module\"() <{opset = 13}> ({\n"
                + "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"y\"], sym_name = \"main\"}> ({\n"
                + "  ^bb0(%x: tensor<1x2x2x2xf32>):\n"
                + "    %y = \"onnx.GlobalAveragePool\"(%x) : (tensor<1x2x2x2xf32>) -> tensor<1x2x1x1xf32> loc(\"gap\")\n"
                + "    \"func.return\"(%y) : (tensor<1x2x1x1xf32>) -> ()\n"
                + "  }) : () -> ()\n}) : () -> ()\n", "gap.nir");
        new QuantizePass(QuantizePass.INFO.defaults()).run(m, new PassContext());
        Verifier.verifyOrThrow(m.op(), DialectRegistry.standard());
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {1, 2, 2, 2}, new double[] {1, 2, 3, 4.5, -1, -2, 0.25, 0});
        assertEquals(List.of(2.625, -0.6875), java.util.Arrays.stream(new Interpreter().run(m, Map.of("x", x)).get("y").toDoubles())
                .boxed().toList());
    }

    @Test
    void perChannelWeightsAreSymmetricIntegers() {
        Tensor w = Tensor.ofDoubles(FloatType.F32, new int[] {2, 2}, new double[] {1.0, -0.5, 0.25, 0.125});
        WeightQuant q = WeightQuant.perChannel(w, 0, 8);
        assertEquals(new FixedType(8, 8, true), q.type());
        assertEquals(List.of(127L, -64L, 127L, 64L), java.util.Arrays.stream(q.weights().longs()).boxed().toList());
        assertEquals(1.0 / 127, q.scales()[0], 1e-12);
        WeightQuant t = WeightQuant.perTensor(w, 8);
        assertEquals(new FixedType(8, 2, true), t.type()); // 1.0 needs a second integer bit
        assertNull(t.scales());
    }
}
