package dev.nnc.passes.graph;

import static dev.nnc.passes.graph.PassTesting.assertSameOutputs;
import static dev.nnc.passes.graph.PassTesting.count;
import static dev.nnc.passes.graph.PassTesting.module;
import static dev.nnc.passes.graph.PassTesting.run;
import static dev.nnc.passes.graph.PassTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.passes.PassContext;
import org.junit.jupiter.api.Test;

class FoldBatchNormPassTest {
    /** BatchNormalization parameters for {@code c} channels named %s, %b, %m, %v. */
    static String bnParams(int c) {
        String t = "tensor<" + c + "xf32>";
        return "    %s = \"onnx.Constant\"() <{value = dense<" + values(c, 1, 0.5) + "> : " + t + "}> : () -> " + t + "\n"
                + "    %b = \"onnx.Constant\"() <{value = dense<" + values(c, 2, -0.5) + "> : " + t + "}> : () -> " + t + "\n"
                + "    %m = \"onnx.Constant\"() <{value = dense<" + values(c, 3, -0.5) + "> : " + t + "}> : () -> " + t + "\n"
                + "    %v = \"onnx.Constant\"() <{value = dense<" + values(c, 4, 0.5) + "> : " + t + "}> : () -> " + t + "\n";
    }

    static String bn(String in, String type) {
        return "    %y = \"onnx.BatchNormalization\"(" + in + ", %s, %b, %m, %v) <{epsilon = 1.0e-3}> : (" + type
                + ", tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> " + type + "\n";
    }

    private static final String CONV = bnParams(2)
            + "    %w = \"onnx.Constant\"() <{value = dense<" + values(18, 5, -0.5) + "> : tensor<2x1x3x3xf32>}> : () -> tensor<2x1x3x3xf32>\n"
            + "    %cb = \"onnx.Constant\"() <{value = dense<[0.25, -0.5]> : tensor<2xf32>}> : () -> tensor<2xf32>\n"
            + "    %c = \"onnx.Conv\"(%x, %w, %cb) <{pads = [1, 1, 1, 1]}> : (tensor<1x1x5x5xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x5x5xf32>\n"
            + bn("%c", "tensor<1x2x5x5xf32>");

    @Test
    void foldsIntoAPrecedingConv() {
        ModuleOp m = module("%x: tensor<1x1x5x5xf32>", CONV, "%y: tensor<1x2x5x5xf32>");
        PassContext ctx = new PassContext();
        FoldBatchNormPass.INFO.create().run(m, ctx);
        run(m, DcePass.INFO.create());
        assertEquals(1L, ctx.statistics().get("folded-into-producer"));
        assertEquals(0, count(m, "onnx.BatchNormalization"));
        assertEquals(1, count(m, "onnx.Conv"));
        assertSameOutputs(module("%x: tensor<1x1x5x5xf32>", CONV, "%y: tensor<1x2x5x5xf32>"), m);
    }

    @Test
    void isNotFoldedWhenTheConvOutputHasASecondUser() {
        ModuleOp m = module("%x: tensor<1x1x5x5xf32>", CONV, "%y: tensor<1x2x5x5xf32>, %c: tensor<1x2x5x5xf32>");
        PassContext ctx = new PassContext();
        FoldBatchNormPass.INFO.create().run(m, ctx);
        assertEquals(1, count(m, "onnx.BatchNormalization"));
        assertEquals(0L, ctx.statistics().get("folded-into-producer"));
    }

    private static final String GEMM = bnParams(2)
            + "    %w = \"onnx.Constant\"() <{value = dense<" + values(6, 6, -0.5) + "> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>\n"
            + "    %g = \"onnx.Gemm\"(%x, %w) <{transB = 1, alpha = 0.5}> : (tensor<4x3xf32>, tensor<2x3xf32>) -> tensor<4x2xf32>\n"
            + bn("%g", "tensor<4x2xf32>");

    @Test
    void foldsIntoAPrecedingGemm() {
        ModuleOp m = module("%x: tensor<4x3xf32>", GEMM, "%y: tensor<4x2xf32>");
        run(m, FoldBatchNormPass.INFO.create(), DcePass.INFO.create());
        assertEquals(0, count(m, "onnx.BatchNormalization"));
        assertSameOutputs(module("%x: tensor<4x3xf32>", GEMM, "%y: tensor<4x2xf32>"), m);
    }

    private static final String MATMUL = bnParams(2)
            + "    %w = \"onnx.Constant\"() <{value = dense<" + values(6, 7, -0.5) + "> : tensor<3x2xf32>}> : () -> tensor<3x2xf32>\n"
            + "    %g = \"onnx.MatMul\"(%x, %w) : (tensor<4x3xf32>, tensor<3x2xf32>) -> tensor<4x2xf32>\n"
            + bn("%g", "tensor<4x2xf32>");

    @Test
    void foldsIntoAPrecedingMatMulWhichBecomesGemm() {
        ModuleOp m = module("%x: tensor<4x3xf32>", MATMUL, "%y: tensor<4x2xf32>");
        run(m, FoldBatchNormPass.INFO.create(), DcePass.INFO.create());
        assertEquals(0, count(m, "onnx.BatchNormalization"));
        assertEquals(1, count(m, "onnx.Gemm"));
        assertSameOutputs(module("%x: tensor<4x3xf32>", MATMUL, "%y: tensor<4x2xf32>"), m);
    }

    private static String before(String pads) {
        return bnParams(2)
                + "    %n = \"onnx.BatchNormalization\"(%x, %s, %b, %m, %v) : (tensor<1x2x5x5xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x5x5xf32>\n"
                + "    %w = \"onnx.Constant\"() <{value = dense<" + values(54, 8, -0.5) + "> : tensor<3x2x3x3xf32>}> : () -> tensor<3x2x3x3xf32>\n"
                + "    %y = \"onnx.Conv\"(%n, %w) <{pads = " + pads + "}> : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x"
                + (pads.contains("1") ? "5x5" : "3x3") + "xf32>\n";
    }

    @Test
    void foldsIntoAFollowingConvWithoutPadding() {
        String body = before("[0, 0, 0, 0]");
        ModuleOp m = module("%x: tensor<1x2x5x5xf32>", body, "%y: tensor<1x3x3x3xf32>");
        PassContext ctx = new PassContext();
        FoldBatchNormPass.INFO.create().run(m, ctx);
        assertEquals(1L, ctx.statistics().get("folded-into-consumer"));
        assertEquals(0, count(m, "onnx.BatchNormalization"));
        assertSameOutputs(module("%x: tensor<1x2x5x5xf32>", body, "%y: tensor<1x3x3x3xf32>"), m);
    }

    @Test
    void isNotFoldedIntoAFollowingConvWithPadding() {
        ModuleOp m = module("%x: tensor<1x2x5x5xf32>", before("[1, 1, 1, 1]"), "%y: tensor<1x3x5x5xf32>");
        run(m, FoldBatchNormPass.INFO.create());
        assertEquals(1, count(m, "onnx.BatchNormalization"));
    }
}
