package dev.nnc.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values the module leaves without a static shape get one while building (gen.StaticShapes), so
 * they run natively, and the module's types are unchanged afterwards.
 */
class StaticShapesTest {
    /** A Reshape whose target shape is computed (Shape, folded at build time), then an element-wise op: both dynamic as imported. */
    private static final String IR = """
            "builtin.module"() <{opset = 17}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["z"], sym_name = "main"}> ({
              ^bb0(%x: tensor<2x3xf32>):
                %s = "onnx.Shape"(%x) : (tensor<2x3xf32>) -> tensor<2xi64> loc("dims")
                %f = "onnx.Constant"() <{value = dense<[-1]> : tensor<1xi64>}> : () -> tensor<1xi64> loc("flat")
                %r = "onnx.Reshape"(%x, %f) : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<?xf32> loc("flatten")
                %a = "onnx.Relu"(%r) : (tensor<?xf32>) -> tensor<?xf32> loc("act")
                %y = "onnx.Reshape"(%a, %s) : (tensor<?xf32>, tensor<2xi64>) -> tensor<?x?xf32> loc("back")
                %z = "onnx.Neg"(%y) : (tensor<?x?xf32>) -> tensor<2x3xf32> loc("out")
                "func.return"(%z) : (tensor<2x3xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    @Test
    void shapesFoundWhileBuildingMakeEveryNodeNative() {
        ModuleOp m = IrParser.parse(IR, "shapes.nir");
        String before = dev.nnc.ir.text.IrPrinter.print(m);
        GeneratedSource src = CpuBackend.generate(m, "shapes", false);
        assertEquals(before, dev.nnc.ir.text.IrPrinter.print(m), "the module's types are put back");
        assertTrue(src.nodes().isEmpty() && src.source().contains("private void act()"), src.source());
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {2, 3}, new double[] {1, -2, 3, -0.5, 0.25, 2});
        Map<String, Tensor> want = new Interpreter().run(m, Map.of("x", x));
        try (CompiledModel cm = CpuBackend.load(src, CpuOptions.defaults())) {
            assertArrayEquals(want.get("z").doubles(), cm.run(Map.of("x", x)).get("z").doubles(), 0.0);
        }
    }
}
