package dev.nnc.passes.graph;

import static dev.nnc.passes.graph.PassTesting.count;
import static dev.nnc.passes.graph.PassTesting.module;
import static dev.nnc.passes.graph.PassTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.passes.PassContext;
import org.junit.jupiter.api.Test;

class DceCsePassTest {
    @Test
    void dceRemovesDeadChainsConstantsAndNoValueButKeepsOutputs() {
        ModuleOp m = module("%x: tensor<2xf32>", """
                    %c = "onnx.Constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
                    %n = "onnx.Neg"(%c) : (tensor<2xf32>) -> tensor<2xf32>
                    %none = "onnx.NoValue"() : () -> none
                    %y = "onnx.Relu"(%x) : (tensor<2xf32>) -> tensor<2xf32>
                """, "%y: tensor<2xf32>");
        PassContext ctx = run(m, DcePass.INFO.create());
        assertEquals(3L, ctx.statistics().get("removed"));
        assertEquals(2, m.mainFunction().body().operations().size());
        assertEquals(1, count(m, "onnx.Relu"));
    }

    @Test
    void cseMergesEqualOpsAndEqualConstants() {
        ModuleOp m = module("%x: tensor<2xf32>", """
                    %c = "onnx.Constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
                    %d = "onnx.Constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
                    %a = "onnx.Add"(%x, %c) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                    %b = "onnx.Add"(%x, %d) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                    %y = "onnx.Mul"(%a, %b) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                """, "%y: tensor<2xf32>");
        PassContext ctx = run(m, CsePass.INFO.create());
        assertEquals(2L, ctx.statistics().get("merged"));
        assertEquals(1, count(m, "onnx.Add"));
        Operation mul = PassTesting.first(m, "onnx.Mul");
        assertSame(mul.operand(0), mul.operand(1));
    }

    @Test
    void cseKeepsOpsThatDifferInPropertiesOrValues() {
        ModuleOp m = module("%x: tensor<2x3xf32>", """
                    %c = "onnx.Constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
                    %d = "onnx.Constant"() <{value = dense<[1.0, 3.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
                    %a = "onnx.Softmax"(%x) <{axis = 0}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
                    %b = "onnx.Softmax"(%x) <{axis = 1}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
                """, "%a: tensor<2x3xf32>, %b: tensor<2x3xf32>, %c: tensor<2xf32>, %d: tensor<2xf32>");
        PassContext ctx = run(m, CsePass.INFO.create());
        assertEquals(0L, ctx.statistics().get("merged"));
        assertEquals(2, count(m, "onnx.Softmax"));
        assertEquals(2, count(m, "onnx.Constant"));
    }
}
