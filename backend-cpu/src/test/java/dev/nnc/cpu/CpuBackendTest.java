package dev.nnc.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator end to end on small IR modules: source shape, fusion, errors and the class cache. */
class CpuBackendTest {
    private static final String MLP = """
            "builtin.module"() <{opset = 17}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<2x3xf32>):
                %w = "onnx.Constant"() <{value = dense<[1.0, -2.0, 0.5, 1.0, -1.0, 3.0]> : tensor<3x2xf32>}> : () -> tensor<3x2xf32> loc("W")
                %b = "onnx.Constant"() <{value = dense<[0.25, -0.5]> : tensor<2xf32>}> : () -> tensor<2xf32> loc("B")
                %h = "onnx.MatMul"(%x, %w) : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x2xf32> loc("dense")
                %s = "onnx.Add"(%h, %b) : (tensor<2x2xf32>, tensor<2xf32>) -> tensor<2x2xf32> loc("bias")
                %y = "onnx.Relu"(%s) : (tensor<2x2xf32>) -> tensor<2x2xf32> loc("act")
                "func.return"(%y) : (tensor<2x2xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    @Test
    void generatesOneMethodPerLayerAndFusesTheBiasIntoTheActivation() {
        GeneratedSource src = CpuBackend.generate(IrParser.parse(MLP, "mlp.nir"), "tiny mlp");
        String java = src.source();
        assertTrue(java.contains("public final class Tiny_mlp implements GeneratedModel"), java);
        assertTrue(java.contains("private void dense()") && java.contains("private void act()"), java);
        assertTrue(!java.contains("private void bias()"), "the bias Add is fused into act(): " + java);
        assertTrue(java.contains("Math.max("), java);
        assertTrue(!java.contains("0.25"), "weights are constructor arguments, not literals: " + java);
    }

    @Test
    void computesWhatTheInterpreterComputes() {
        ModuleOp m = IrParser.parse(MLP, "mlp.nir");
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {2, 3}, new double[] {1, 2, 3, -1, 0.5, 2});
        Map<String, Tensor> want = new Interpreter().run(m, Map.of("x", x));
        try (CompiledModel cm = CpuBackend.compile(m, "mlp", CpuOptions.defaults())) {
            assertArrayEquals(want.get("y").doubles(), cm.run(Map.of("x", x)).get("y").doubles(), 1e-6);
        }
    }

    /** runArrays: the same result on prepared arrays, outputs copied (a later run does not change them), wrong arrays refused. */
    @Test
    void runsOnPreparedArrays() {
        ModuleOp m = IrParser.parse(MLP, "mlp.nir");
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {2, 3}, new double[] {1, 2, 3, -1, 0.5, 2});
        try (CompiledModel cm = CpuBackend.compile(m, "mlp", CpuOptions.defaults())) {
            double[] want = cm.run(Map.of("x", x)).get("y").doubles();
            float[] y = (float[]) cm.runArrays((Object) new float[] {1, 2, 3, -1, 0.5f, 2})[0];
            float[] again = (float[]) cm.runArrays((Object) new float[] {0, 0, 0, 0, 0, 0})[0];
            for (int i = 0; i < want.length; i++) {
                assertTrue(Math.abs(want[i] - y[i]) < 1e-6, "element " + i);
            }
            assertTrue(again != y);
            NncException shape = assertThrows(NncException.class, () -> cm.runArrays((Object) new float[5]));
            assertTrue(shape.getMessage().contains("input 'x' must be a float[6] array"), shape.getMessage());
            assertThrows(NncException.class, () -> cm.runArrays((Object) new double[6]));
            assertThrows(NncException.class, () -> cm.runArrays());
        }
    }

    @Test
    void sameSourceReusesTheCompiledClass() {
        ModuleOp m = IrParser.parse(MLP, "mlp.nir");
        try (CompiledModel a = CpuBackend.compile(m, "cached", CpuOptions.defaults());
             CompiledModel b = CpuBackend.compile(IrParser.parse(MLP, "again.nir"), "cached", new CpuOptions(2))) {
            assertSame(a.modelClass(), b.modelClass());
        }
    }

    @Test
    void dynamicShapesAndOtherTypesAreErrorsNamingTheValue() {
        String dynamic = MLP.replace("tensor<2x3xf32>):", "tensor<?x3xf32>):")
                .replace("(tensor<2x3xf32>, tensor<3x2xf32>)", "(tensor<?x3xf32>, tensor<3x2xf32>)");
        NncException e = assertThrows(NncException.class, () -> CpuBackend.generate(IrParser.parse(dynamic, "d.nir"), "d"));
        assertTrue(e.oneLine().contains("'x'") && e.oneLine().contains("static shapes"), e.oneLine());
        String f64 = MLP.replace("xf32", "xf64");
        NncException t = assertThrows(NncException.class, () -> CpuBackend.generate(IrParser.parse(f64, "t.nir"), "t"));
        assertTrue(t.oneLine().contains("'x'") && t.oneLine().contains("f32"), t.oneLine());
    }
}
