package dev.nnc.passes.graph;

import static dev.nnc.passes.graph.PassTesting.first;
import static dev.nnc.passes.graph.PassTesting.module;
import static dev.nnc.passes.graph.PassTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.passes.PassContext;
import org.junit.jupiter.api.Test;

class ShapeInferencePassTest {
    private static ShapeInferencePass pass() {
        return new ShapeInferencePass(ShapeInferencePass.INFO.defaults());
    }

    @Test
    void fillsInUnknownShapesInOrderAndThroughConstantReshapeShapes() {
        ModuleOp m = module("%x: tensor<2x3xf32>", """
                    %r = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<*xf32>
                    %s = "onnx.Constant"() <{value = dense<[3, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
                    %y = "onnx.Reshape"(%r, %s) : (tensor<*xf32>, tensor<2xi64>) -> tensor<*xf32>
                """, "%y: tensor<*xf32>");
        PassContext ctx = run(m, pass());
        assertEquals(TensorType.of(FloatType.F32, 2, 3), first(m, "onnx.Relu").result(0).type());
        assertEquals(TensorType.of(FloatType.F32, 3, 2), first(m, "onnx.Reshape").result(0).type());
        assertEquals(2L, ctx.statistics().get("refined"));
    }

    @Test
    void neverMakesATypeLessPrecise() {
        ModuleOp m = module("%x: tensor<?x3xf32>", """
                    %y = "onnx.Relu"(%x) : (tensor<?x3xf32>) -> tensor<5x3xf32>
                """, "%y: tensor<5x3xf32>");
        run(m, pass());
        assertEquals(TensorType.of(FloatType.F32, 5, 3), first(m, "onnx.Relu").result(0).type());
    }

    @Test
    void aConflictingDeclaredTypeIsAnErrorNamingTheOp() {
        ModuleOp m = module("%x: tensor<2x3xf32>", """
                    %y = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<4x3xf32> loc("relu1")
                """, "%y: tensor<4x3xf32>");
        NncException e = assertThrows(NncException.class, () -> pass().run(m, new PassContext()));
        assertTrue(e.getMessage().contains("onnx.Relu") && e.getMessage().contains("conflicts"), e.getMessage());
    }
}
