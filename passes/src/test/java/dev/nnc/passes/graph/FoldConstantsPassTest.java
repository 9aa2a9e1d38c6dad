package dev.nnc.passes.graph;

import static dev.nnc.passes.graph.PassTesting.count;
import static dev.nnc.passes.graph.PassTesting.first;
import static dev.nnc.passes.graph.PassTesting.module;
import static dev.nnc.passes.graph.PassTesting.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.passes.PassContext;
import org.junit.jupiter.api.Test;

class FoldConstantsPassTest {
    private static final String ADD = """
                %a = "onnx.Constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
                %b = "onnx.Constant"() <{value = dense<[10.0, 20.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
                %s = "onnx.Add"(%a, %b) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                %y = "onnx.Mul"(%x, %s) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
            """;

    @Test
    void evaluatesOpsOfConstantsWithTheInterpreter() {
        ModuleOp m = module("%x: tensor<2xf32>", ADD, "%y: tensor<2xf32>");
        PassContext ctx = run(m, FoldConstantsPass.INFO.create(), DcePass.INFO.create());
        assertEquals(0, count(m, "onnx.Add"));
        Operation mul = first(m, "onnx.Mul");
        Operation c = mul.operand(1).definingOp();
        assertEquals("onnx.Constant", c.name());
        assertArrayEquals(new double[] {11, 22}, ((Attribute.DenseAttr) c.property("value")).value().doubles());
    }

    @Test
    void countsWhatItFolded() {
        ModuleOp m = module("%x: tensor<2xf32>", ADD, "%y: tensor<2xf32>");
        PassContext ctx = new PassContext();
        FoldConstantsPass.INFO.create().run(m, ctx);
        assertEquals(1L, ctx.statistics().get("folded"));
    }

    @Test
    void foldsShapeOfAStaticValueButNotOfADynamicOne() {
        ModuleOp m = module("%x: tensor<1x8xf32>, %z: tensor<?x8xf32>", """
                    %s = "onnx.Shape"(%x) : (tensor<1x8xf32>) -> tensor<2xi64>
                    %t = "onnx.Shape"(%z) : (tensor<?x8xf32>) -> tensor<2xi64>
                """, "%s: tensor<2xi64>, %t: tensor<2xi64>");
        run(m, FoldConstantsPass.INFO.create());
        assertEquals(1, count(m, "onnx.Shape"));
        Operation c = m.mainFunction().returnOp().operand(0).definingOp();
        assertArrayEquals(new long[] {1, 8}, ((Attribute.DenseAttr) c.property("value")).value().longs());
    }

    @Test
    void foldsTheKnownPartOfAShapeWithASymbolicBatch() {
        ModuleOp m = module("%z: tensor<?x8x3xf32>", """
                    %t = "onnx.Shape"(%z) <{start = 1}> : (tensor<?x8x3xf32>) -> tensor<2xi64>
                """, "%t: tensor<2xi64>");
        run(m, FoldConstantsPass.INFO.create());
        assertEquals(0, count(m, "onnx.Shape"));
        Operation c = m.mainFunction().returnOp().operand(0).definingOp();
        assertArrayEquals(new long[] {8, 3}, ((Attribute.DenseAttr) c.property("value")).value().longs());
    }

    @Test
    void leavesResultsAboveTheSizeLimitAndNonConstantInputsAlone() {
        ModuleOp m = module("%x: tensor<2xf32>", ADD, "%y: tensor<2xf32>");
        run(m, new FoldConstantsPass(new FoldConstantsPass.Options(1)));
        assertEquals(1, count(m, "onnx.Add"));
        assertEquals(1, count(m, "onnx.Mul"));
    }
}
