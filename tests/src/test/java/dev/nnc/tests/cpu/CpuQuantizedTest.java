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
 * class (2 threads), and every output raw must be equal. The outputs leave through
 * {@code q.dequantize} to f32, which is exact and one-to-one for raws of up to 24 bits (checked),
 * so the raws are recovered from the floats and compared exactly.
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
                nodes.add(DynamicTest.dynamicTest(label, dir.toUri(), () -> check(dir, name, s.getValue())));
            }
        }
        assertTrue(!nodes.isEmpty(), "no model of " + MODELS + " in " + models);
        return nodes.stream();
    }

    private static void check(Path dir, String name, List<String> setting) throws IOException {
        ModuleOp module = quantize(dir, setting);
        FuncOp f = module.mainFunction();
        List<FixedType> outputTypes = new ArrayList<>();
        for (Value v : f.outputs()) {
            Operation def = v.definingOp();
            assertEquals(QDialect.DEQUANTIZE, def.name(), "outputs leave through q.dequantize");
            FixedType t = (FixedType) ((TensorType) def.operand(0).type()).elementType();
            assertTrue(t.width() <= 24, t.spelling() + ": f32 holds raws of at most 24 bits exactly");
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
        System.out.println("bit-exact: " + name + " " + setting + ": " + sets + " inputs, " + values + " output raws");
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
