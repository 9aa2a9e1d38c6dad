package dev.nnc.cpu.q;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.cpu.CompiledModel;
import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.CpuOptions;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Small fixed-point graphs for the q kernel tests: a float input quantized to a fixed type, the ops
 * under test, the result dequantized to f64 (exact for raws of up to 53 bits, so equal doubles
 * mean equal raws). Weights are f32 constants quantized in the graph (folded at build time).
 */
final class QGraphs {
    private QGraphs() {
    }

    static String dims(int... shape) {
        return Arrays.stream(shape).mapToObj(String::valueOf).collect(Collectors.joining("x"));
    }

    /** {@code tensor<2x3xfixed<8,3>>}. */
    static String t(String element, int... shape) {
        return "tensor<" + (shape.length == 0 ? "" : dims(shape) + "x") + element + ">";
    }

    /** A module: input x (f32, {@code shape}) quantized to {@code xType}, then {@code body}, returning {@code %y} of {@code yType}. */
    static String module(int[] shape, String xType, String body, String yType) {
        String f64 = yType.replaceAll("u?fixed<[-0-9, ]+>", "f64");
        return "\"builtin.module\"() <{opset = 17}> ({\n"
                + "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"out\"], sym_name = \"main\"}> ({\n"
                + "  ^bb0(%x: " + t("f32", shape) + "):\n"
                + "    %xq = \"q.quantize\"(%x) : (" + t("f32", shape) + ") -> " + t(xType, shape) + " loc(\"xq\")\n"
                + body
                + "    %out = \"q.dequantize\"(%y) : (" + yType + ") -> " + f64 + " loc(\"out\")\n"
                + "    \"func.return\"(%out) : (" + f64 + ") -> ()\n"
                + "  }) : () -> ()\n"
                + "}) : () -> ()\n";
    }

    /** Two lines defining {@code %name}: random f32 values in [-range, range) quantized to {@code type}. */
    static String weight(String name, String type, double range, Random rnd, int... shape) {
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < n; i++) {
            v.append(i == 0 ? "" : ", ").append((rnd.nextInt(2048) - 1024) / 1024.0 * range);
        }
        return "    %" + name + "_f = \"onnx.Constant\"() <{value = dense<[" + v + "]> : " + t("f32", shape) + "}> : () -> "
                + t("f32", shape) + " loc(\"" + name + "\")\n"
                + "    %" + name + " = \"q.quantize\"(%" + name + "_f) : (" + t("f32", shape) + ") -> " + t(type, shape)
                + " loc(\"" + name + "\")\n";
    }

    /** Runs the module on random inputs (N(0, scale), with exact extremes) through both paths; the f64 outputs must be equal. */
    static void assertBitExact(String text, int[] shape, double scale, long seed) {
        ModuleOp m = IrParser.parse(text, "q.nir");
        Random rnd = new Random(seed);
        try (CompiledModel cpu = CpuBackend.compile(m, "q test", new CpuOptions(2))) {
            for (int run = 0; run < 3; run++) {
                int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = switch (rnd.nextInt(20)) {
                        case 0 -> 1e6; // saturates every input type
                        case 1 -> -1e6;
                        case 2 -> 0;
                        default -> (float) (rnd.nextGaussian() * scale);
                    };
                }
                Map<String, Tensor> in = Map.of("x", Tensor.ofDoubles(FloatType.F32, shape, x));
                double[] want = new Interpreter().run(m, in).get("out").doubles();
                double[] got = cpu.run(in).get("out").doubles();
                assertEquals(want.length, got.length);
                for (int i = 0; i < want.length; i++) {
                    if (Double.doubleToLongBits(want[i]) != Double.doubleToLongBits(got[i])) {
                        assertEquals(want[i], got[i], 0.0, "element " + i + " of run " + run + "\n" + cpu.source().source());
                    }
                }
            }
        }
    }
}
