package dev.nnc.tests.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnc.cli.Main;
import dev.nnc.cpu.CompiledModel;
import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.CpuOptions;
import dev.nnc.frontend.TensorFiles;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.q.QDialect;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.tests.ModelFiles;
import dev.nnc.tests.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fixed-point graphs on the CPU backend's integer kernels are bit-exact: each model quantized by
 * {@code nnc quantize} (8-bit per-channel, 8-bit per-tensor, fixed&lt;16,6&gt;; calibrated on its
 * own reference inputs) runs on every reference input through the interpreter and the generated
 * class (2 threads), and every raw of every layer must be equal: each fixed-point value the model
 * computes is made an extra output through {@code q.dequantize} to f64 (the model's own outputs
 * stay f32), which is exact and one-to-one for raws of up to 53 (24) bits (checked), so the raws
 * are recovered from the floats and compared exactly.
 */
class CpuQuantizedTest {
    private static final List<String> MODELS = List.of("mnist8", "jet_tagger", "conv2d_small", "residual_block");
    private static final Map<String, List<String>> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("8-bit per-channel", List.of("--bits", "8", "--per-channel"));
        SETTINGS.put("8-bit per-tensor", List.of("--bits", "8"));
        SETTINGS.put("fixed<16,6>", List.of("--type", "fixed<16,6>"));
    }

    @TestFactory
    Stream<DynamicNode> quantizedModelsAreBitExact() throws IOException {
        Path models = TestData.require("models");
        List<DynamicNode> nodes = new ArrayList<>();
        for (String name : MODELS) {
            Path dir = models.resolve(name);
            if (!Files.exists(dir.resolve("model.onnx"))) {
                continue;
            }
            for (Map.Entry<String, List<String>> s : SETTINGS.entrySet()) {
                String label = name + " " + s.getKey();
                nodes.add(DynamicTest.dynamicTest(label, dir.toUri(), () -> check(dir, name, s.getValue(), false)));
                nodes.add(DynamicTest.dynamicTest(label + ", every layer", dir.toUri(), () -> check(dir, name, s.getValue(), true)));
            }
        }
        assertTrue(!nodes.isEmpty(), "no model of " + MODELS + " in " + models);
        return nodes.stream();
    }

    /**
     * With {@code everyLayer}, each layer value is an output, so no cast or requantisation is fused
     * into the layer before it; without, the model runs as compiled for use (fused epilogues).
     */
    private static void check(Path dir, String name, List<String> setting, boolean everyLayer) throws IOException {
        ModuleOp module = everyLayer ? everyLayerAnOutput(quantize(dir, setting)) : quantize(dir, setting);
        FuncOp f = module.mainFunction();
        List<FixedType> outputTypes = new ArrayList<>();
        for (Value v : f.outputs()) {
            Operation def = v.definingOp();
            assertEquals(QDialect.DEQUANTIZE, def.name(), "outputs leave through q.dequantize");
            FixedType t = (FixedType) ((TensorType) def.operand(0).type()).elementType();
            boolean f64 = ((TensorType) v.type()).elementType() == dev.nnc.ir.type.FloatType.F64;
            assertTrue(t.width() <= (f64 ? 53 : 24), t.spelling() + ": the float type holds its raws exactly");
            outputTypes.add(t);
        }
        Interpreter interpreter = new Interpreter();
        int sets = 0;
        long values = 0;
        try (CompiledModel cpu = CpuBackend.compile(module, name, new CpuOptions(2))) {
            for (Path set : ModelFiles.dataSets(dir)) {
                Map<String, Tensor> in = new LinkedHashMap<>();
                List<Path> inputs = ModelFiles.numbered(set, "input_");
                for (int i = 0; i < inputs.size(); i++) {
                    in.put(f.inputNames().get(i), TensorFiles.readTensorProto(inputs.get(i)));
                }
                Map<String, Tensor> expected = interpreter.run(module, in);
                Map<String, Tensor> actual = cpu.run(in);
                int k = 0;
                for (String out : f.outputNames()) {
                    long[] want = raws(expected.get(out), outputTypes.get(k));
                    long[] got = raws(actual.get(out), outputTypes.get(k));
                    for (int i = 0; i < want.length; i++) {
                        if (want[i] != got[i]) {
                            fail(name + " " + setting + " " + set.getFileName() + " output '" + out + "' [" + i + "]: raw "
                                    + got[i] + ", interpreter " + want[i]);
                        }
                    }
                    values += want.length;
                    k++;
                }
                sets++;
            }
        }
        assertTrue(sets > 0, "no reference inputs in " + dir);
        System.out.println("bit-exact: " + name + " " + setting + ": " + sets + " inputs, " + f.outputs().size()
                + (everyLayer ? " values (every layer), " : " outputs, ") + values + " raws");
    }

    /** The raws behind dequantized values (exact: every value is raw * 2^-F in f32). */
    private static long[] raws(Tensor t, FixedType type) {
        double[] d = t.doubles();
        long[] r = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = FixedCast.quantize(d[i], type, CastMode.DEFAULT);
            assertEquals(d[i], FixedCast.toDouble(r[i], type), "value " + d[i] + " is a " + type.spelling());
        }
        return r;
    }

    /** {@code nnc compile --target cpu} of a quantized model: the jar, run alone, gives the interpreter's raws. */
    @org.junit.jupiter.api.Test
    void quantizedModelJarIsBitExact(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path dir = TestData.require("models").resolve("mnist8");
        Path nir = tmp.resolve("q.nir");
        Files.writeString(nir, dev.nnc.ir.text.IrPrinter.print(quantize(dir, SETTINGS.get("8-bit per-channel"))));
        Path jar = tmp.resolve("q.jar");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "compile", nir.toString(),
                "--target", "cpu", "-o", jar.toString()), err.toString());
        ModuleOp module = IrParser.parse(Files.readString(nir), "q.nir");
        String input = module.mainFunction().inputNames().get(0);
        Tensor x = TensorFiles.readTensorProto(dir.resolve("test_data_set_0/input_0.pb"));
        Path in = tmp.resolve("x.npy");
        dev.nnc.cli.io.Npy.write(in, x);
        Path out = tmp.resolve("out.npz");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--input", input + "=" + in, "-o", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        Map<String, Tensor> want = new Interpreter().run(module, Map.of(input, x));
        Map<String, Tensor> got = dev.nnc.cli.io.Npz.read(out);
        for (String name : want.keySet()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(want.get(name).doubles(), got.get(name).doubles(), 0.0, name);
        }
    }

    /** A value computed by an op with a fixed-point result: {@code %name = "op"(...) ... -> tensor<...fixed<W,I>> loc(...)}. */
    private static final java.util.regex.Pattern FIXED_VALUE = java.util.regex.Pattern.compile(
            "^\\s*%([\\w.]+) = \"(?!onnx\\.Constant)[^\"]+\"\\(.*-> (tensor<[0-9x]*u?fixed<\\d+,-?\\d+>>) loc\\(.*$");

    /**
     * The module with every fixed-point layer value (not the weights) also returned, dequantized to
     * f64 (exact for raws of up to 53 bits), so every layer's raws are compared, not only the
     * model's outputs.
     */
    private static ModuleOp everyLayerAnOutput(ModuleOp module) {
        String text = dev.nnc.ir.text.IrPrinter.print(module);
        StringBuilder extra = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String line : text.split("\n")) {
            java.util.regex.Matcher m = FIXED_VALUE.matcher(line);
            if (m.matches()) {
                String f64 = m.group(2).replaceAll("u?fixed<[-0-9,]+>", "f64");
                extra.append("    %").append(m.group(1)).append("_f64 = \"q.dequantize\"(%").append(m.group(1)).append(") : (")
                        .append(m.group(2)).append(") -> ").append(f64).append("\n");
                names.add("\"" + m.group(1) + "\"");
                values.add("%" + m.group(1) + "_f64");
                types.add(f64);
            }
        }
        java.util.regex.Matcher ret = java.util.regex.Pattern.compile("(?m)^(\\s*)\"func\\.return\"\\((.*)\\) : \\((.*)\\) -> \\(\\)$")
                .matcher(text);
        assertTrue(ret.find(), "one func.return");
        String newReturn = ret.group(1) + "\"func.return\"(" + ret.group(2) + ", " + String.join(", ", values) + ") : ("
                + ret.group(3) + ", " + String.join(", ", types) + ") -> ()";
        text = text.substring(0, ret.start()) + extra + newReturn + text.substring(ret.end());
        java.util.regex.Matcher results = java.util.regex.Pattern.compile("result_names = \\[(.*?)\\]").matcher(text);
        assertTrue(results.find(), "result_names");
        text = text.substring(0, results.start()) + "result_names = [" + results.group(1) + ", " + String.join(", ", names) + "]"
                + text.substring(results.end());
        assertTrue(values.size() >= 3, "fixed-point layers found: " + values);
        return IrParser.parse(text, "layers.nir");
    }

    /** {@code nnc quantize} on the model, calibrated on its reference inputs; the q-level module. */
    private static ModuleOp quantize(Path dir, List<String> setting) throws IOException {
        Path out = Files.createTempFile("nnc-q", ".nir");
        try {
            List<String> args = new ArrayList<>(List.of("quantize", dir.resolve("model.onnx").toString(), "--calib",
                    dir.toString(), "-o", out.toString()));
            args.addAll(setting);
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
            assertEquals(0, code, "nnc quantize failed: " + err);
            return IrParser.parse(Files.readString(out), out.getFileName().toString());
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
