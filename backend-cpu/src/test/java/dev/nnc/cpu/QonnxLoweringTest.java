package dev.nnc.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QONNX Quant and BipolarQuant run natively (no interpreted node) and equal the interpreter bit
 * for bit: channel-wise scales, an integer bit width, every rounding mode, signed and narrow.
 */
class QonnxLoweringTest {
    private static final String MODEL = """
            "builtin.module"() <{opset = 17}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["q", "b"], sym_name = "main"}> ({
              ^bb0(%x: tensor<3x8xf32>):
                %s = "onnx.Constant"() <{value = dense<[0.25, 0.5, 0.125]> : tensor<3x1xf32>}> : () -> tensor<3x1xf32> loc("scale")
                %z = "onnx.Constant"() <{value = dense<[1.0]> : tensor<f32>}> : () -> tensor<f32> loc("zeropt")
                %w = "onnx.Constant"() <{value = dense<[3]> : tensor<i64>}> : () -> tensor<i64> loc("bits")
                %q = "onnx.Quant"(%x, %s, %z, %w) <{narrow = NARROW, rounding_mode = "MODE", signed = SIGNED}> : (tensor<3x8xf32>, tensor<3x1xf32>, tensor<f32>, tensor<i64>) -> tensor<3x8xf32> loc("quant")
                %b = "onnx.BipolarQuant"(%x, %s) : (tensor<3x8xf32>, tensor<3x1xf32>) -> tensor<3x8xf32> loc("bipolar")
                "func.return"(%q, %b) : (tensor<3x8xf32>, tensor<3x8xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ROUND 1 0", "CEIL 1 1", "FLOOR 0 0", "UP 0 1", "down 1 0", "HALF_UP 1 1", "HALF_DOWN 0 0"})
    void equalsTheInterpreterBitForBit(String variant) {
        String[] v = variant.split(" ");
        ModuleOp m = IrParser.parse(MODEL.replace("MODE", v[0]).replace("SIGNED", v[1]).replace("NARROW", v[2]), "quant.nir");
        GeneratedSource src = CpuBackend.generate(m, "quant");
        assertTrue(src.nodes().isEmpty() && src.source().contains("QonnxQuant.quant(") && src.source().contains("QonnxQuant.bipolar("),
                src.source());
        Random r = new Random(variant.hashCode());
        double[] x = new double[24];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((r.nextDouble() - 0.5) * 4); // includes values past the 3-bit range
        }
        x[0] = 0.375; // exact halves of the quantization steps: the rounding modes differ there
        x[1] = -0.625;
        x[8] = 0.75;
        Tensor in = Tensor.ofDoubles(FloatType.F32, new int[] {3, 8}, x);
        Map<String, Tensor> want = new Interpreter().run(m, Map.of("x", in));
        try (CompiledModel cm = CpuBackend.load(src, CpuOptions.defaults())) {
            Map<String, Tensor> got = cm.run(Map.of("x", in));
            assertArrayEquals(want.get("q").doubles(), got.get("q").doubles(), 0.0);
            assertArrayEquals(want.get("b").doubles(), got.get("b").doubles(), 0.0);
        }
    }
}
