package dev.nnc.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A model with a depthwise layer keeps its convolution chains channels-last: a stem convolution
 * writes NHWC, depthwise and pointwise layers read and write it, a Transpose to NHWC moves no
 * data, and each value that another op (Sigmoid, a model output) reads is converted to NCHW once.
 * Covered: bias as a per-channel Add, Relu and Clip epilogues, a channel count that is not a
 * multiple of the vector width, stride 2 with one-sided padding; results equal the interpreter.
 */
class ChannelsLastChainTest {
    private static final String MODEL = """
            "builtin.module"() <{opset = 17}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["t", "s", "u"], sym_name = "main"}> ({
              ^bb0(%x: tensor<1x3x9x11xf32>):
                %w1 = "onnx.Constant"() <{value = W1 : tensor<8x3x3x3xf32>}> : () -> tensor<8x3x3x3xf32> loc("w1")
                %w2 = "onnx.Constant"() <{value = W2 : tensor<8x1x3x3xf32>}> : () -> tensor<8x1x3x3xf32> loc("w2")
                %b2 = "onnx.Constant"() <{value = B2 : tensor<8x1x1xf32>}> : () -> tensor<8x1x1xf32> loc("b2")
                %w3 = "onnx.Constant"() <{value = W3 : tensor<6x8x1x1xf32>}> : () -> tensor<6x8x1x1xf32> loc("w3")
                %w4 = "onnx.Constant"() <{value = W4 : tensor<19x8x1x1xf32>}> : () -> tensor<19x8x1x1xf32> loc("w4")
                %w5 = "onnx.Constant"() <{value = W5 : tensor<19x1x3x3xf32>}> : () -> tensor<19x1x3x3xf32> loc("w5")
                %b5 = "onnx.Constant"() <{value = B5 : tensor<19xf32>}> : () -> tensor<19xf32> loc("b5")
                %lo = "onnx.Constant"() <{value = dense<[0.0]> : tensor<f32>}> : () -> tensor<f32> loc("lo")
                %hi = "onnx.Constant"() <{value = dense<[0.75]> : tensor<f32>}> : () -> tensor<f32> loc("hi")
                %c1 = "onnx.Conv"(%x, %w1) <{pads = [1, 1, 1, 1], strides = [2, 2]}> : (tensor<1x3x9x11xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x5x6xf32> loc("stem")
                %r1 = "onnx.Relu"(%c1) : (tensor<1x8x5x6xf32>) -> tensor<1x8x5x6xf32> loc("stem_relu")
                %c2 = "onnx.Conv"(%r1, %w2) <{group = 8, pads = [1, 1, 1, 1]}> : (tensor<1x8x5x6xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x5x6xf32> loc("dw")
                %a2 = "onnx.Add"(%c2, %b2) : (tensor<1x8x5x6xf32>, tensor<8x1x1xf32>) -> tensor<1x8x5x6xf32> loc("dw_bias")
                %r2 = "onnx.Clip"(%a2, %lo, %hi) : (tensor<1x8x5x6xf32>, tensor<f32>, tensor<f32>) -> tensor<1x8x5x6xf32> loc("dw_clip")
                %c3 = "onnx.Conv"(%r2, %w3) : (tensor<1x8x5x6xf32>, tensor<6x8x1x1xf32>) -> tensor<1x6x5x6xf32> loc("pw")
                %t = "onnx.Transpose"(%c3) <{perm = [0, 2, 3, 1]}> : (tensor<1x6x5x6xf32>) -> tensor<1x5x6x6xf32> loc("to_nhwc")
                %s = "onnx.Sigmoid"(%r2) : (tensor<1x8x5x6xf32>) -> tensor<1x8x5x6xf32> loc("sig")
                %c4 = "onnx.Conv"(%r2, %w4) : (tensor<1x8x5x6xf32>, tensor<19x8x1x1xf32>) -> tensor<1x19x5x6xf32> loc("pw2")
                %r4 = "onnx.Relu"(%c4) : (tensor<1x19x5x6xf32>) -> tensor<1x19x5x6xf32> loc("pw2_relu")
                %u = "onnx.Conv"(%r4, %w5, %b5) <{group = 19, pads = [0, 0, 1, 1], strides = [2, 2]}> : (tensor<1x19x5x6xf32>, tensor<19x1x3x3xf32>, tensor<19xf32>) -> tensor<1x19x2x3xf32> loc("dw2")
                "func.return"(%t, %s, %u) : (tensor<1x5x6x6xf32>, tensor<1x8x5x6xf32>, tensor<1x19x2x3xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    @ParameterizedTest(name = "batch {0}, threads {1}")
    @CsvSource({"1, 1", "1, 2", "2, 1", "3, 2"})
    void computesWhatTheInterpreterComputes(int batch, int threads) {
        ModuleOp m = model(new Random(11), batch);
        Tensor x = random(new Random(12), batch, 3, 9, 11);
        Map<String, Tensor> want = new Interpreter().run(m, Map.of("x", x));
        try (CompiledModel cm = CpuBackend.compile(m, "chain", new CpuOptions(threads))) {
            Map<String, Tensor> got = cm.run(Map.of("x", x));
            for (String out : new String[] {"t", "s", "u"}) {
                assertArrayEquals(want.get(out).shape(), got.get(out).shape(), out);
                assertArrayEquals(want.get(out).doubles(), got.get(out).doubles(), 1e-5, out);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void keepsTheChainChannelsLastAndConvertsEachValueOnce() {
        String java = CpuBackend.generate(model(new Random(11), 1), "chain").source();
        for (String layer : new String[] {"stem", "dw", "pw", "pw2", "dw2"}) {
            assertTrue(java.contains("private static final " + (layer.startsWith("dw") ? "NhwcDepthwise " : "NhwcConv ")
                    + layer + "_layer"), layer + ":\n" + java);
        }
        assertFalse(java.contains("Transpose.permute"), java); // the Transpose to NHWC is the NHWC array itself
        assertEquals(2, count(java, "ChannelsLast.toNchw("), java); // dw_clip's result for Sigmoid, dw2's for the output
        assertEquals(0, count(java, "ChannelsLast.toNhwc("), java); // the stem reads the NCHW input itself
    }

    /** A depthwise layer reading the model input: the input is converted to NHWC once, the result back once. */
    @org.junit.jupiter.api.Test
    void convertsAnNchwInputForADepthwiseLayer() {
        String text = """
                "builtin.module"() <{opset = 17}> ({
                  "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
                  ^bb0(%x: tensor<2x20x7x9xf32>):
                    %w = "onnx.Constant"() <{value = W6 : tensor<20x1x3x3xf32>}> : () -> tensor<20x1x3x3xf32> loc("w")
                    %v = "onnx.Constant"() <{value = W7 : tensor<5x20x1x1xf32>}> : () -> tensor<5x20x1x1xf32> loc("v")
                    %d = "onnx.Conv"(%x, %w) <{group = 20, pads = [1, 1, 1, 1]}> : (tensor<2x20x7x9xf32>, tensor<20x1x3x3xf32>) -> tensor<2x20x7x9xf32> loc("dw")
                    %y = "onnx.Conv"(%d, %v) : (tensor<2x20x7x9xf32>, tensor<5x20x1x1xf32>) -> tensor<2x5x7x9xf32> loc("pw")
                    "func.return"(%y) : (tensor<2x5x7x9xf32>) -> ()
                  }) : () -> ()
                }) : () -> ()
                """;
        ModuleOp m = withWeights(text, new Random(21));
        String java = CpuBackend.generate(m, "input_chain").source();
        assertEquals(1, count(java, "ChannelsLast.toNhwc("), java);
        assertEquals(1, count(java, "ChannelsLast.toNchw("), java);
        Tensor x = random(new Random(22), 2, 20, 7, 9);
        Map<String, Tensor> want = new Interpreter().run(m, Map.of("x", x));
        try (CompiledModel cm = CpuBackend.compile(m, "input_chain", new CpuOptions(2))) {
            assertArrayEquals(want.get("y").doubles(), cm.run(Map.of("x", x)).get("y").doubles(), 1e-5);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** The model with batch size {@code batch} (every activation type starts with the batch). */
    private static ModuleOp model(Random r, int batch) {
        return withWeights(MODEL.replace("tensor<1x", "tensor<" + batch + "x"), r);
    }

    /** Parses {@code text} with each placeholder constant (W1, B2, ...) filled with random values of its type. */
    private static ModuleOp withWeights(String template, Random r) {
        String text = template;
        Matcher m = Pattern.compile("value = ([WB]\\d) : tensor<([0-9x]+)xf32>").matcher(template);
        while (m.find()) {
            int n = 1;
            for (String d : m.group(2).split("x")) {
                n *= Integer.parseInt(d);
            }
            StringBuilder values = new StringBuilder("dense<[");
            for (int i = 0; i < n; i++) {
                values.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", r.nextDouble() - 0.5));
            }
            text = text.replace("value = " + m.group(1) + " :", "value = " + values + "]> :");
        }
        return IrParser.parse(text, "chain.nir");
    }

    private static Tensor random(Random r, int... shape) {
        double[] v = new double[java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() * 2 - 1;
        }
        return Tensor.ofDoubles(FloatType.F32, shape, v);
    }
}
