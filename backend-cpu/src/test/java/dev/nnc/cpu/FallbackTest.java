package dev.nnc.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interpreter fallback: nodes without a Java lowering run on the interpreter inside the
 * generated class, between native steps, and the model computes exactly what the interpreter does.
 */
class FallbackTest {
    private static final Tensor X = Tensor.ofDoubles(FloatType.F32, new int[] {2, 3}, new double[] {1, -2, 3, -0.5, 0.25, 2});

    private static String module(String args, String body, String result) {
        return """
                "builtin.module"() <{opset = 17}> ({
                  "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
                  ^bb0(%x: ARGS):
                BODY
                    "func.return"(%y) : (RESULT) -> ()
                  }) : () -> ()
                }) : () -> ()
                """.replace("ARGS", args).replace("BODY", body).replace("RESULT", result);
    }

    /** Runs the module on the CPU backend (fallback on) and on the interpreter; returns the source. */
    private static String runsLikeTheInterpreter(String ir, String name, int nodes) {
        ModuleOp m = IrParser.parse(ir, name + ".nir");
        GeneratedSource src = CpuBackend.generate(m, name, true);
        assertEquals(nodes, src.nodes().size(), src.source());
        Map<String, Tensor> want = new Interpreter().run(m, Map.of("x", X));
        try (CompiledModel cm = CpuBackend.load(src, CpuOptions.defaults())) {
            Tensor got = cm.run(Map.of("x", X)).get("y");
            assertEquals(want.get("y").tensorType(), got.tensorType());
            // float kernels agree with the interpreter within a few ulps (Softmax's vector exp), not bit for bit
            assertArrayEquals(want.get("y").doubles(), got.doubles(), 1e-6, src.source());
        }
        return src.source();
    }

    @Test
    void aNodeWithoutLoweringRunsOnTheInterpreterBetweenNativeSteps() {
        String ir = module("tensor<2x3xf32>", """
                    %a = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("act")
                    %c = "onnx.Shrink"(%a) : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("running")
                    %y = "onnx.Neg"(%c) : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("flip")
                """, "tensor<2x3xf32>");
        String java = runsLikeTheInterpreter(ir, "shrink", 1);
        assertTrue(java.contains("private void running()") && java.contains("Runs on the interpreter: Shrink is not lowered"), java);
        assertTrue(java.contains("private final InterpretedNode running_node;"), java);
        assertTrue(java.contains("running_node.run(a);"), "the native Relu's array goes in: " + java);
        assertTrue(java.contains("private void act()") && java.contains("private void flip()"), java);
        NncException e = assertThrows(NncException.class, () -> CpuBackend.generate(IrParser.parse(ir, "c.nir"), "c", false));
        assertTrue(e.oneLine().contains("Shrink"), e.oneLine());
    }

    @Test
    void valuesOfTypesWithoutArraysAreCarriedAsRuntimeValues() {
        String java = runsLikeTheInterpreter(module("tensor<2x3xf32>", """
                    %h = "onnx.Cast"(%x) <{to = 10}> : (tensor<2x3xf32>) -> tensor<2x3xf16> loc("to_half")
                    %y = "onnx.Cast"(%h) <{to = 1}> : (tensor<2x3xf16>) -> tensor<2x3xf32> loc("to_float")
                """, "tensor<2x3xf32>"), "half", 2);
        assertTrue(java.contains("private RuntimeValue h; // tensor<2x3xf16>"), java);
        assertTrue(java.contains("h = to_half_results[0];"), java);
    }

    @Test
    void aFusedChainThatAnInterpretedNodeReadsGetsItsOwnArray() {
        // the Add would be fused into its element-wise user, but the Gelu with approximate=tanh has no lowering
        String java = runsLikeTheInterpreter(module("tensor<2x3xf32>", """
                    %b = "onnx.Constant"() <{value = dense<[0.5, -1.0, 2.0]> : tensor<3xf32>}> : () -> tensor<3xf32> loc("B")
                    %s = "onnx.Add"(%x, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32> loc("bias")
                    %y = "onnx.Gelu"(%s) <{approximate = "tanh"}> : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("gelu")
                """, "tensor<2x3xf32>"), "gelu", 1);
        assertTrue(java.contains("private void bias()"), java);
        assertTrue(java.contains("Runs on the interpreter: approximate = tanh"), java);
    }

    @Test
    void aSubgraphReadsOuterValuesFromTheGeneratedClass() {
        String ir = """
                "builtin.module"() <{opset = 13}> ({
                  "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
                  ^bb0(%x: tensor<2x3xf32>):
                    %m = "onnx.Softmax"(%x) <{axis = 1}> : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("soft")
                    %s = "onnx.ReduceSum"(%x) <{keepdims = 0}> : (tensor<2x3xf32>) -> tensor<f32> loc("total")
                    %z = "onnx.Constant"() <{value = dense<[0.0]> : tensor<f32>}> : () -> tensor<f32> loc("zero")
                    %c = "onnx.Greater"(%s, %z) : (tensor<f32>, tensor<f32>) -> tensor<i1> loc("positive")
                    %y = "onnx.If"(%c) ({
                      %t = "onnx.Relu"(%m) : (tensor<2x3xf32>) -> tensor<2x3xf32>
                      "func.return"(%t) : (tensor<2x3xf32>) -> ()
                    }, {
                      "func.return"(%m) : (tensor<2x3xf32>) -> ()
                    }) : (tensor<i1>) -> tensor<2x3xf32> loc("branch")
                    "func.return"(%y) : (tensor<2x3xf32>) -> ()
                  }) : () -> ()
                }) : () -> ()
                """;
        String java = runsLikeTheInterpreter(ir, "branchy", 1);
        assertTrue(java.contains("branch_node.run(c, m);"), "the condition, then the outer value the branch reads: " + java);
        assertTrue(java.contains("private void soft()"), "the Softmax the branch reads stays native: " + java);
    }

    @Test
    void dynamicShapesRunOnTheInterpreter() {
        String java = runsLikeTheInterpreter(module("tensor<?x3xf32>", """
                    %y = "onnx.Relu"(%x) : (tensor<?x3xf32>) -> tensor<?x3xf32> loc("act")
                """, "tensor<?x3xf32>"), "dyn", 1);
        assertTrue(java.contains("private RuntimeValue x; // input 'x': tensor<?x3xf32>"), java);
    }

    @Test
    void aNativeModelHasNoTraceOfTheFallback() {
        String ir = module("tensor<2x3xf32>", """
                    %y = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("act")
                """, "tensor<2x3xf32>");
        String with = CpuBackend.generate(IrParser.parse(ir, "n.nir"), "n", true).source();
        String without = CpuBackend.generate(IrParser.parse(ir, "n.nir"), "n", false).source();
        assertEquals(without, with);
        assertFalse(with.contains("RuntimeValue") || with.contains("Interpreted"), with);
        assertEquals(List.of(), CpuBackend.generate(IrParser.parse(ir, "n.nir"), "n", true).interpreted());
    }
}
