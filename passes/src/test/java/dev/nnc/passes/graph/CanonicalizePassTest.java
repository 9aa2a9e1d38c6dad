package dev.nnc.passes.graph;

import static dev.nnc.passes.graph.PassTesting.assertSameOutputs;
import static dev.nnc.passes.graph.PassTesting.count;
import static dev.nnc.passes.graph.PassTesting.first;
import static dev.nnc.passes.graph.PassTesting.module;
import static dev.nnc.passes.graph.PassTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.passes.PassContext;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CanonicalizePassTest {
    private static PassContext canon(ModuleOp m) {
        return run(m, CanonicalizePass.INFO.create(), DcePass.INFO.create());
    }

    /** Runs canonicalize + dce on one copy and checks outputs against an untouched copy. */
    private static ModuleOp canonAndCompare(Supplier<ModuleOp> make) {
        ModuleOp m = make.get();
        canon(m);
        assertSameOutputs(make.get(), m);
        return m;
    }

    @Test
    void removesIdentityDropoutAndNoOpsAndTheOutputMoves() {
        ModuleOp m = canonAndCompare(() -> module("%x: tensor<2x3xf32>", """
                    %i = "onnx.Identity"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
                    %d = "onnx.Dropout"(%i) : (tensor<2x3xf32>) -> tensor<2x3xf32>
                    %t = "onnx.Transpose"(%d) <{perm = [0, 1]}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
                    %c = "onnx.Cast"(%t) <{to = 1}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
                    %s = "onnx.Constant"() <{value = dense<[2, 3]> : tensor<2xi64>}> : () -> tensor<2xi64>
                    %r = "onnx.Reshape"(%c, %s) : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
                    %f = "onnx.Flatten"(%r) <{axis = 1}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
                    %y = "onnx.Concat"(%f) <{axis = 0}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
                """, "%y: tensor<2x3xf32>"));
        assertEquals(1, m.mainFunction().body().operations().size());
        assertSame(m.mainFunction().arguments().get(0), m.mainFunction().outputs().get(0));
    }

    @Test
    void mergesTransposePairsAndReshapeChains() {
        ModuleOp m = canonAndCompare(() -> module("%x: tensor<2x3x4xf32>", """
                    %a = "onnx.Transpose"(%x) <{perm = [1, 2, 0]}> : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
                    %b = "onnx.Transpose"(%a) <{perm = [1, 0, 2]}> : (tensor<3x4x2xf32>) -> tensor<4x3x2xf32>
                    %s1 = "onnx.Constant"() <{value = dense<[12, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
                    %r1 = "onnx.Reshape"(%b, %s1) : (tensor<4x3x2xf32>, tensor<2xi64>) -> tensor<12x2xf32>
                    %ax = "onnx.Constant"() <{value = dense<[0]> : tensor<1xi64>}> : () -> tensor<1xi64>
                    %u = "onnx.Unsqueeze"(%r1, %ax) : (tensor<12x2xf32>, tensor<1xi64>) -> tensor<1x12x2xf32>
                """, "%u: tensor<1x12x2xf32>"));
        assertEquals(1, count(m, "onnx.Transpose"));
        assertEquals(1, count(m, "onnx.Reshape"));
        assertEquals(0, count(m, "onnx.Unsqueeze"));
    }

    @Test
    void inverseTransposesCancelAndSqueezeUnsqueezePairsToo() {
        ModuleOp m = canonAndCompare(() -> module("%x: tensor<2x1x3xf32>", """
                    %a = "onnx.Transpose"(%x) <{perm = [2, 0, 1]}> : (tensor<2x1x3xf32>) -> tensor<3x2x1xf32>
                    %b = "onnx.Transpose"(%a) <{perm = [1, 2, 0]}> : (tensor<3x2x1xf32>) -> tensor<2x1x3xf32>
                    %ax = "onnx.Constant"() <{value = dense<[1]> : tensor<1xi64>}> : () -> tensor<1xi64>
                    %s = "onnx.Squeeze"(%b, %ax) : (tensor<2x1x3xf32>, tensor<1xi64>) -> tensor<2x3xf32>
                    %u = "onnx.Unsqueeze"(%s, %ax) : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2x1x3xf32>
                """, "%u: tensor<2x1x3xf32>"));
        assertEquals(1, m.mainFunction().body().operations().size());
    }

    @Test
    void dropsNeutralOperandsPadsAndSlices() {
        ModuleOp m = canonAndCompare(() -> module("%x: tensor<2x3xf32>", """
                    %z = "onnx.Constant"() <{value = dense<[0.0, 0.0, 0.0]> : tensor<3xf32>}> : () -> tensor<3xf32>
                    %o = "onnx.Constant"() <{value = dense<[1.0]> : tensor<f32>}> : () -> tensor<f32>
                    %a = "onnx.Add"(%z, %x) : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
                    %b = "onnx.Mul"(%a, %o) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
                    %c = "onnx.Sub"(%b, %z) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
                    %d = "onnx.Div"(%c, %o) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
                    %p = "onnx.Constant"() <{value = dense<[0, 0, 0, 0]> : tensor<4xi64>}> : () -> tensor<4xi64>
                    %e = "onnx.Pad"(%d, %p) : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<2x3xf32>
                    %st = "onnx.Constant"() <{value = dense<[0]> : tensor<1xi64>}> : () -> tensor<1xi64>
                    %en = "onnx.Constant"() <{value = dense<[100]> : tensor<1xi64>}> : () -> tensor<1xi64>
                    %y = "onnx.Slice"(%e, %st, %en) : (tensor<2x3xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<2x3xf32>
                """, "%y: tensor<2x3xf32>"));
        assertEquals(1, m.mainFunction().body().operations().size());
    }

    @Test
    void keepsOpsThatAreNotNoOps() {
        ModuleOp m = canonAndCompare(() -> module("%x: tensor<3xf32>", """
                    %o = "onnx.Constant"() <{value = dense<[1.0, 1.0, 1.0, 1.0, 1.0, 1.0]> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
                    %b = "onnx.Mul"(%x, %o) : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
                    %h = "onnx.Constant"() <{value = dense<[1.0, 1.0, 2.0]> : tensor<3xf32>}> : () -> tensor<3xf32>
                    %c = "onnx.Mul"(%b, %h) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
                    %d, %mask = "onnx.Dropout"(%c) : (tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xi1>)
                    %t = "onnx.Transpose"(%c) <{perm = [1, 0]}> : (tensor<2x3xf32>) -> tensor<3x2xf32>
                """, "%t: tensor<3x2xf32>, %mask: tensor<2x3xi1>"));
        assertEquals(2, count(m, "onnx.Mul"), "x*1 that broadcasts x to a bigger shape, and x*[1,1,2], stay");
        assertEquals(1, count(m, "onnx.Dropout"), "a Dropout whose mask is used stays");
        assertEquals(1, count(m, "onnx.Transpose"));
    }

    @Test
    void countsEachPatternByName() {
        ModuleOp m = module("%x: tensor<2xf32>", """
                    %i = "onnx.Identity"(%x) : (tensor<2xf32>) -> tensor<2xf32>
                    %j = "onnx.Identity"(%i) : (tensor<2xf32>) -> tensor<2xf32>
                """, "%j: tensor<2xf32>");
        PassContext ctx = new PassContext();
        CanonicalizePass.INFO.create().run(m, ctx);
        assertEquals(2L, ctx.statistics().get("remove-identity"));
        assertEquals(null, first(m, "onnx.Identity"));
    }
}
