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
import org.junit.jupiter.api.Test;

/**
 * Dense Conv through the generator: a per-channel bias Add and a Relu after the Conv become the
 * layer's epilogue (no code of their own), a Clip with constant bounds becomes its Clamp, weights
 * given at run time are packed per call; all equal the interpreter.
 */
class ConvLoweringTest {
    private static final String CONV_ADD_RELU = """
            "builtin.module"() <{opset = 17}> ({
              "func.func"() <{arg_names = ["x", "w", "v"], result_names = ["y", "z"], sym_name = "main"}> ({
              ^bb0(%x: tensor<1x3x9x7xf32>, %w: tensor<4x3x3x3xf32>, %v: tensor<6x4x3x3xf32>):
                %b = "onnx.Constant"() <{value = dense<[0.5, -0.25, 1.0, -2.0]> : tensor<4x1x1xf32>}> : () -> tensor<4x1x1xf32> loc("B")
                %c = "onnx.Conv"(%x, %w) <{pads = [1, 1, 1, 1], strides = [2, 1]}> : (tensor<1x3x9x7xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x5x7xf32> loc("conv")
                %s = "onnx.Add"(%c, %b) : (tensor<1x4x5x7xf32>, tensor<4x1x1xf32>) -> tensor<1x4x5x7xf32> loc("bias")
                %y = "onnx.Relu"(%s) : (tensor<1x4x5x7xf32>) -> tensor<1x4x5x7xf32> loc("act")
                %lo = "onnx.Constant"() <{value = dense<[-0.5]> : tensor<f32>}> : () -> tensor<f32> loc("lo")
                %hi = "onnx.Constant"() <{value = dense<[0.5]> : tensor<f32>}> : () -> tensor<f32> loc("hi")
                %d = "onnx.Conv"(%y, %v) : (tensor<1x4x5x7xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x3x5xf32> loc("conv2")
                %z = "onnx.Clip"(%d, %lo, %hi) : (tensor<1x6x3x5xf32>, tensor<f32>, tensor<f32>) -> tensor<1x6x3x5xf32> loc("clip")
                "func.return"(%y, %z) : (tensor<1x4x5x7xf32>, tensor<1x6x3x5xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    @Test
    void biasAndActivationAreTheConvolutionsEpilogue() {
        ModuleOp m = IrParser.parse(CONV_ADD_RELU, "conv.nir");
        String java = CpuBackend.generate(m, "conv").source();
        assertTrue(java.contains("conv_layer.packInto(w, conv_scratch);"), java);
        assertTrue(java.contains("conv_layer.forward(x, conv_scratch, b, y, conv_scratch_2, Clamp.RELU, parallel);"), java);
        assertTrue(java.contains("new Clamp(-0.5f, 0.5f)"), java);
        assertTrue(!java.contains("private void bias()") && !java.contains("private void act()")
                && !java.contains("private void clip()"), java);
    }

    @Test
    void computesWhatTheInterpreterComputes() {
        ModuleOp m = IrParser.parse(CONV_ADD_RELU, "conv.nir");
        Random r = new Random(5);
        Tensor x = random(r, 1, 3, 9, 7);
        Tensor w = random(r, 4, 3, 3, 3);
        Tensor v = random(r, 6, 4, 3, 3);
        Map<String, Tensor> want = new Interpreter().run(m, Map.of("x", x, "w", w, "v", v));
        try (CompiledModel cm = CpuBackend.compile(m, "conv", CpuOptions.defaults())) {
            Map<String, Tensor> got = cm.run(Map.of("x", x, "w", w, "v", v));
            assertArrayEquals(want.get("y").doubles(), got.get("y").doubles(), 1e-5);
            assertArrayEquals(want.get("z").doubles(), got.get("z").doubles(), 1e-5);
        }
    }

    private static Tensor random(Random r, int... shape) {
        double[] v = new double[java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() * 2 - 1;
        }
        return Tensor.ofDoubles(FloatType.F32, shape, v);
    }
}
